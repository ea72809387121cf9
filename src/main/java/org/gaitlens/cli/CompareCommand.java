package org.gaitlens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gaitlens.batch.StoredSessions;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.reporting.ComparisonReportBuilder;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.ComparisonReport;
import org.gaitlens.report.PatternSentence;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.report.ReportRenderer;
import org.gaitlens.report.SessionColumn;
import org.gaitlens.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitlens compare SESSION_DIR...}: the multi-session comparison report. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare sessions of one patient (session folders written by 'gaitlens analyze'), in date order.",
            "Writes comparison.json, comparison.html and comparison.pdf."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SESSION_DIR", arity = "0..*",
            description = "Session folders (or use --patient to take the sessions from the study store).")
    List<Path> sessionDirs = new ArrayList<>();

    @Option(names = "--patient", paramLabel = "ID",
            description = "Compare this patient's finished sessions from the study store (--data, --jdbc-url).")
    String patient;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the comparison (default: reports/comparison-<patient> in the gaitlens folder).")
    Path out;

    @Option(names = "--page-size", paramLabel = "SIZE", defaultValue = "a4",
            description = "PDF page size: a4 or letter (default: ${DEFAULT-VALUE}).")
    String pageSize;

    @Override
    public Integer call() {
        if ((patient == null) == sessionDirs.isEmpty()) {
            throw new InvalidInputException("give either session folders or --patient ID, not both or neither");
        }
        List<ComparisonReportBuilder.Session> sessions = new ArrayList<>();
        if (patient != null) {
            try (StudyStore st = StudyStore.open(store.config())) {
                sessions.addAll(StoredSessions.forPatient(st, patient));
            }
        }
        for (Path dir : sessionDirs) {
            Path name = dir.toAbsolutePath().normalize().getFileName();
            sessions.add(new ComparisonReportBuilder.Session(name == null ? dir.toString() : name.toString(),
                    ReportInput.read(dir)));
        }
        ComparisonReport report = ComparisonReportBuilder.build(sessions);
        Path dir = out != null ? out
                : CliPaths.reportsRoot().resolve("comparison-" + report.patientId().replaceAll("[^A-Za-z0-9._-]", "_"));
        ReportRenderer.Written w;
        try {
            w = ReportRenderer.writeComparison(report, dir,
                    RenderOptions.defaults().withPageSize(ReportCommand.parsePageSize(pageSize)).withAssetDir(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the comparison into " + dir, e);
        }
        print(spec.commandLine().getOut(), report, w);
        return 0;
    }

    static void print(PrintWriter o, ComparisonReport r, ReportRenderer.Written w) {
        o.println("patient " + r.patientId() + ", " + r.sessions().size() + " session(s):");
        for (int i = 0; i < r.sessions().size(); i++) {
            SessionColumn c = r.sessions().get(i);
            o.println("  #" + (i + 1) + " " + c.date() + " " + c.label() + " (" + c.sessionId() + ")");
        }
        for (PatternSentence p : r.patternSentences()) {
            o.println(p.pattern() + ": " + p.sentence());
        }
        o.println(r.changes().size() + " metrics compared; changes beyond their threshold:");
        for (ChangeRow row : r.changes()) {
            switch (row.overallVerdict()) {
                case IMPROVED, WORSENED -> o.println("  " + row.sentence());
                default -> {
                }
            }
        }
        o.println("comparison: " + w.pdf());
        o.println("            " + w.html());
        o.println("            " + w.json());
        o.flush();
    }
}
