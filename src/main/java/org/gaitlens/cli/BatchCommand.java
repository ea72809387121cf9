package org.gaitlens.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gaitlens.batch.BatchDiscovery;
import org.gaitlens.batch.BatchEngine;
import org.gaitlens.batch.BatchJob;
import org.gaitlens.batch.BatchReport;
import org.gaitlens.batch.BatchRunner;
import org.gaitlens.batch.LocalBatchEngine;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.InvalidInputException;
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
            "With --engine spark the same batch runs as an Apache Spark job, in this process (--master local[N]) or "
                + "on a cluster (--master spark://HOST:7077), on input from file://, hdfs:// or s3a://; the results are "
                + "ingested into the same study. See docs/spark.md.",
            "Exit code 0 when every recording is done or skipped, 1 when any failed or was passed over."})
final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Folder (PATIENT/YYYY-MM-DD_label/videos) or manifest .csv "
            + "(with --engine spark also a URI: hdfs://..., s3a://...).")
    String input;

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

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = LocalBatchEngine.NAME,
            description = "Where the batch runs: local (this process's workers, default) or spark (an Apache Spark "
                    + "job; docs/spark.md).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. "
            + "local[2] or spark://host:7077 (default: spark-submit's, else local[N] with N = --workers).")
    String master;

    @Option(names = "--spark-out", paramLabel = "URI", description = "With --engine spark: where the job writes its "
            + "Parquet tables and result folders (default: DIR/spark of --data).")
    String sparkOut;

    @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "With --engine spark: a Spark setting "
            + "(repeatable), e.g. spark.executor.memory=4g.")
    Map<String, String> sparkConf = new LinkedHashMap<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RunSettings base = analysis.runSettings();
        if (threads < 1 || workers != null && workers < 1) {
            throw new InvalidInputException("--threads and --workers must be >= 1");
        }
        if (engine.equals(LocalBatchEngine.NAME) && (master != null || sparkOut != null || !sparkConf.isEmpty())) {
            throw new InvalidInputException("--master, --spark-out and --spark-conf apply to --engine spark only");
        }
        BatchEngine.Request request = new BatchEngine.Request(input, store.config(), CliPaths.modelsDir(), threads,
                workers != null ? workers : BatchRunner.defaultWorkers(), !skipFailed, Optional.ofNullable(master),
                Optional.ofNullable(sparkOut), sparkConf);
        try (BatchJob job = BatchEngine.named(engine).open(request)) {
            return run(job, base, out);
        }
    }

    private int run(BatchJob job, RunSettings base, PrintWriter out) {
        BatchDiscovery.Result found = job.discover();
        for (BatchDiscovery.Problem p : found.problems()) {
            out.println("passed over: " + p.where() + ": " + p.message());
        }
        if (found.items().isEmpty()) {
            out.println("No recordings found in " + input + " (see docs/batch.md for the folder layout and manifest).");
            out.flush();
            return found.problems().isEmpty() ? 0 : 1;
        }
        CountDownLatch printed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.err.println("\ngaitlens: stopping after the recordings being analysed (kill -9 is safe too; "
                    + "the next batch resumes)");
            job.requestStop("interrupted");
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
            report = job.run(found.items(), base, console);
            console.close();
            BatchConsole.printSummary(out, report);
            if (!found.problems().isEmpty()) {
                out.printf("%d folder(s), file(s) or manifest row(s) passed over (listed at the top).%n",
                        found.problems().size());
            }
            out.println("Results: " + store.config().dataDir());
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
