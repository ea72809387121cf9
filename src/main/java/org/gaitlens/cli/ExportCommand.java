package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.gaitlens.batch.TableExport;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.TidyTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gaitlens export}: tidy per-stride and per-session tables of a study for researchers. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export the finished analyses of a study as tidy tables: strides.EXT (one row per stride, "
                + "with patient, session, side and every stride parameter) and sessions.EXT (one row per "
                + "recording and side: means, SDs, asymmetry indices, indicators). See docs/batch.md."})
final class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--format", defaultValue = "csv", description = "csv or parquet (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--patient", paramLabel = "ID", description = "Only this patient's analyses.")
    String patient;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the tables.")
    Path out;

    @Override
    public Integer call() {
        TableExport.Format f;
        try {
            f = TableExport.Format.parse(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        PrintWriter o = spec.commandLine().getOut();
        try (StudyStore s = StudyStore.open(store.config())) {
            Optional<String> who = Optional.ofNullable(patient);
            who.ifPresent(p -> s.patients().require(p));
            TidyTable strides = s.exports().strideTable(who);
            TidyTable sessions = s.exports().sessionSideTable(who);
            Path a = TableExport.write(strides, out.resolve("strides." + f.extension()), f);
            Path b = TableExport.write(sessions, out.resolve("sessions." + f.extension()), f);
            o.printf("%s: %d stride rows, %d columns%n", a, strides.rows().size(), strides.columns().size());
            o.printf("%s: %d session-side rows, %d columns%n", b, sessions.rows().size(), sessions.columns().size());
            o.flush();
        }
        return 0;
    }
}
