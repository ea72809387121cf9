package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gaitlens.batch.BatchDiscovery;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.BatchRunner;
import org.gaitlens.batch.RunExecutor;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.store.StudyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitlens batch INPUT}: analyses every recording of a folder or manifest into the study store. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Analyse every recording of a folder (PATIENT/YYYY-MM-DD_label/*.mp4) or a manifest CSV "
                + "into the study store, in parallel. Recordings analysed before with the same settings are skipped; "
                + "a batch stopped at any moment finishes the rest when started again. See docs/batch.md.",
            "Exit code 0 when every recording is done or skipped, 1 when any failed or was passed over."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Folder (PATIENT/YYYY-MM-DD_label/videos) or manifest .csv.")
    Path input;

    @Mixin
    StoreOptions store;

    @Mixin
    AnalysisOptions analysis;

    @Option(names = "--workers", paramLabel = "N",
            description = "Recordings analysed at once (default: one per core, within the heap).")
    Integer workers;

    @Option(names = "--threads", defaultValue = "1", description = "Inference threads per recording "
            + "(default: ${DEFAULT-VALUE}: the workers already run one recording per core; docs/speed.md).")
    int threads;








    @Option(names = "--skip-failed", description = "Do not retry recordings that failed in an earlier batch.")
    boolean skipFailed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        RunSettings base = analysis.runSettings();
        if (threads < 1 || workers != null && workers < 1) {
            throw new InvalidInputException("--threads and --workers must be >= 1");
        }
        BatchDiscovery.Result found = BatchDiscovery.discover(input);
        for (BatchDiscovery.Problem p : found.problems()) {
            out.println("passed over: " + p.where() + ": " + p.message());
        }
        if (found.items().isEmpty()) {
            out.println("No recordings found in " + input + " (see docs/batch.md for the folder layout and manifest).");
            out.flush();
            return found.problems().isEmpty() ? 0 : 1;
        }
        CountDownLatch printed = new CountDownLatch(1);
        try (StudyStore s = StudyStore.open(store.config());
                RunExecutor executor = new RunExecutor(s,
                        new RunExecutor.Options(CliPaths.modelsDir(), threads, Duration.ofSeconds(10)))) {
            BatchRunner runner = new BatchRunner(executor, new BatchRunner.Options(
                    workers != null ? workers : BatchRunner.defaultWorkers(), !skipFailed, Duration.ofMinutes(2),
                    Duration.ofSeconds(2)));
            Thread hook = new Thread(() -> {
                System.err.println("\ngaitlens: stopping after the recordings being analysed (kill -9 is safe too; "
                        + "the next batch resumes)");
                runner.requestStop("interrupted");
                try {
                    printed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gaitlens-batch-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            BatchReport report;
            try {
                BatchConsole console = new BatchConsole(out, System.err);
                report = runner.run(found.items(), base, console);
                console.close();
                BatchConsole.printSummary(out, report);
                if (!found.problems().isEmpty()) {
                    out.printf("%d folder(s), file(s) or manifest row(s) passed over (listed at the top).%n",
                            found.problems().size());
                }
                out.println("Results: " + s.dataDir());
                out.flush();
            } finally {
                printed.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running and returns now that the summary is printed
            }
            return report.allSucceeded() && found.problems().isEmpty() ? 0 : 1;
        }
    }
}
