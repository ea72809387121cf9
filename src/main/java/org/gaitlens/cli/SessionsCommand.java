package org.gaitlens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.MetricValue;
import org.gaitlens.store.Patient;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gaitlens sessions PATIENT}: a patient's sessions, oldest first, with how their analyses stand and a few
 * headline metrics of the latest finished analysis of each session.
 */
@Command(
        name = "sessions",
        mixinStandardHelpOptions = true,
        description = "List a patient's sessions with date, label, analysis status and headline metrics.")
public final class SessionsCommand implements Callable<Integer> {
    /** Shown when present; the names the gait stage gives its summary values. */
    static final List<String> DEFAULT_METRICS =
            List.of("gaitSpeedMPerS", "cadenceStepsPerMin", "strideTimeS", "stepLengthM", "stancePct");

    @Parameters(paramLabel = "PATIENT", description = "Pseudonymous patient id.")
    String pseudonym;

    @Option(names = "--metric", paramLabel = "NAME", split = ",",
            description = "Metric to show (repeatable or comma separated; shown when present). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<String> metrics = new ArrayList<>(DEFAULT_METRICS);

    @Mixin
    StoreOptions store;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (StudyStore s = StudyStore.open(store.config())) {
            Patient patient = s.patients().require(pseudonym);
            List<SessionRecord> sessions = s.sessions().listByPatient(patient.id());
            out.printf(Locale.ROOT, "Patient %s: height %s cm, affected side %s, %d session(s)%n", patient.pseudonym(),
                    PatientsCommand.height(patient.heightCm()), PatientsCommand.side(patient.affectedSide()),
                    sessions.size());
            if (sessions.isEmpty()) {
                out.flush();
                return 0;
            }
            out.printf(Locale.ROOT, "%-10s  %-20s %10s  %s%n", "DATE", "LABEL", "RECORDINGS", "ANALYSES");
            for (SessionRecord session : sessions) {
                List<Recording> recordings = s.recordings().listBySession(session.id());
                List<AnalysisRun> runs = s.runs().listBySession(session.id());
                out.printf(Locale.ROOT, "%-10s  %-20s %10d  %s%n", session.date(), session.label(), recordings.size(),
                        statusSummary(runs));
                latestDone(runs).ifPresent(run -> printMetrics(out, run, s.results().metrics(run.id())));
                runs.stream().filter(r -> r.status() == RunStatus.FAILED).forEach(r -> out.printf(Locale.ROOT,
                        "    failed run %d: %s%n", r.id(), r.errorMessage().orElse("(no reason recorded)")));
            }
            out.flush();
        }
        return 0;
    }

    private static String statusSummary(List<AnalysisRun> runs) {
        if (runs.isEmpty()) {
            return "none";
        }
        Map<RunStatus, Long> counts = runs.stream()
                .collect(Collectors.groupingBy(AnalysisRun::status, () -> new EnumMap<>(RunStatus.class), Collectors.counting()));
        return counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static Optional<AnalysisRun> latestDone(List<AnalysisRun> runs) {
        return runs.stream().filter(r -> r.status() == RunStatus.DONE)
                .max(Comparator.comparing((AnalysisRun r) -> r.finishedAt().orElseThrow()).thenComparingLong(AnalysisRun::id));
    }

    private void printMetrics(PrintWriter out, AnalysisRun run, List<MetricValue> values) {
        for (String name : metrics) {
            List<MetricValue> found = values.stream().filter(v -> v.metric().equals(name)).toList();
            if (found.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (MetricValue v : found) {
                line.append(line.length() == 0 ? "" : "  ")
                        .append(v.side().map(Side::code).map(c -> c + " ").orElse(""))
                        .append(format(v.value()))
                        .append(v.unit().isEmpty() ? "" : " " + v.unit());
            }
            out.printf(Locale.ROOT, "    %-20s %s   (run %d)%n", name, line, run.id());
        }
    }

    private static String format(double value) {
        return Decimals.format(value, 2);
    }
}
