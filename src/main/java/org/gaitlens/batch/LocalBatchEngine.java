package org.gaitlens.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.gaitlens.store.StudyStore;

/** The batch on this machine's workers: {@link BatchRunner} with a {@link RunExecutor} (docs/batch.md). */
public final class LocalBatchEngine implements BatchEngine {
    /** The engine's name. */
    public static final String NAME = "local";

    @Override
    public String name() {
        return NAME;
    }

    /** A job for {@code request}; its master, output and conf belong to other engines and are ignored. */
    @Override
    public BatchJob open(Request request) {
        return new Job(request);
    }

    private static final class Job implements BatchJob {
        private final Request request;
        private final Object lock = new Object();
        private BatchRunner runner;
        private String stopReason;

        Job(Request request) {
            this.request = Objects.requireNonNull(request, "request");
        }

        @Override
        public BatchDiscovery.Result discover() {
            return BatchDiscovery.discover(Path.of(request.input()));
        }

        @Override
        public BatchReport run(List<BatchItem> items, RunSettings base, BatchListener listener) {
            try (StudyStore store = StudyStore.open(request.store());
                    RunExecutor executor = new RunExecutor(store, new RunExecutor.Options(request.modelsDir(),
                            request.threadsPerRun(), Duration.ofSeconds(10)))) {
                BatchRunner r = new BatchRunner(executor, new BatchRunner.Options(request.workers(),
                        request.retryFailed(), Duration.ofMinutes(2), Duration.ofSeconds(2)));
                synchronized (lock) {
                    runner = r;
                    if (stopReason != null) {
                        r.requestStop(stopReason);
                    }
                }
                return r.run(items, base, listener);
            }
        }

        @Override
        public void requestStop(String reason) {
            synchronized (lock) {
                stopReason = reason;
                if (runner != null) {
                    runner.requestStop(reason);
                }
            }
        }

        @Override
        public void close() {
            // the store and executor are closed when run returns
        }
    }
}
