package org.gaitlens.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.store.StudyStore;
import org.gaitlens.web.WebApp;
import org.gaitlens.web.WebConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gaitlens serve}: the clinic web app on this machine. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the clinic web app: sign in, patients, video upload, live analysis progress, reports.",
            "Listens on this machine only (127.0.0.1) unless --bind says otherwise. Create the first "
                    + "administrator with: gaitlens users add-admin NAME"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Mixin
    AnalysisOptions analysis;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for the "
                    + "clinic network, preferably behind a TLS proxy).")
    String bind;

    @Option(names = "--workers", paramLabel = "N",
            description = "Analyses run at the same time (default: one per two CPU cores).")
    Integer workers;

    @Option(names = "--max-upload-mb", paramLabel = "MB", defaultValue = "2048",
            description = "Largest video accepted, in MiB (default: ${DEFAULT-VALUE}).")
    long maxUploadMb;

    @Option(names = "--secure-cookies", description = "Mark cookies Secure (when a TLS proxy serves the app).")
    boolean secureCookies;

    @Option(names = "--host-name", paramLabel = "NAME",
            description = "A further name the app is reached by, e.g. the name a TLS proxy serves it under "
                    + "(repeatable). Requests for any other host name are refused; this machine's own names and "
                    + "addresses are always accepted.")
    List<String> hostNames = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (maxUploadMb <= 0) {
            throw new InvalidInputException("--max-upload-mb must be > 0, was " + maxUploadMb);
        }
        WebConfig config = WebConfig.defaults(CliPaths.modelsDir()).withPort(port).withBindHost(bind)
                .withMaxUploadBytes(maxUploadMb * 1024 * 1024).withSecureCookies(secureCookies).withHostNames(hostNames)
                .withAnalysis(analysis.runSettings());
        if (workers != null) {
            config = config.withWorkers(workers);
        }
        PrintWriter out = spec.commandLine().getOut();
        StudyStore s = StudyStore.open(store.config());
        if (s.users().countAdmins() == 0) {
            out.println("No administrator yet: create one with 'gaitlens users add-admin NAME"
                    + (s.isEmbedded() ? " --data " + s.dataDir() : "") + "'.");
        }
        WebApp app = WebApp.withPipeline(s, config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            s.close();
            stopped.countDown();
        }, "gaitlens-serve-shutdown"));
        int actual = app.start();
        out.printf("gaitlens web app: http://%s:%d/  (data %s; stop with Ctrl+C)%n",
                bind.contains(":") ? "[" + bind + "]" : bind, actual, s.dataDir());
        out.flush();
        stopped.await();
        return 0;
    }
}
