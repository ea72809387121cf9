package org.gaitlens.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.gaitlens.store.StoreConfig;

/**
 * A way to run a batch: this machine's workers ({@link LocalBatchEngine}, name {@code local}), or an engine found on
 * the class path through {@link ServiceLoader} (the Spark module's, name {@code spark}; docs/spark.md), so that an
 * engine's dependencies stay out of the application's jars. Every engine takes the same input, settings and store
 * and gives the same results and outcomes.
 */
public interface BatchEngine {
    /** The name {@code --engine} takes. */
    String name();

    /** A job for {@code request}; nothing is started before {@link BatchJob#run}. */
    BatchJob open(Request request);

    /**
     * What a batch is asked to do, besides its items and settings.
     *
     * @param input         the folder or manifest: a path on this machine, or (engines that read other file systems)
     *                      a URI such as {@code hdfs://host/study}
     * @param store         the study
     * @param modelsDir     the BlazePose models folder
     * @param threadsPerRun inference threads per recording, >= 1
     * @param workers       recordings analysed at once on this machine, >= 1 (an engine that runs elsewhere may take
     *                      it as its default parallelism)
     * @param retryFailed   whether runs that failed in an earlier batch are tried again
     * @param master        where an engine runs (its own words, e.g. Spark's {@code local[2]}); empty: its default
     * @param output        where an engine keeps its own results; empty: its default under the study folder
     * @param conf          engine settings ({@code key=value}, e.g. Spark configuration)
     */
    record Request(String input, StoreConfig store, Path modelsDir, int threadsPerRun, int workers,
            boolean retryFailed, Optional<String> master, Optional<String> output, Map<String, String> conf) {
        public Request {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(modelsDir, "modelsDir");
            if (threadsPerRun < 1 || workers < 1) {
                throw new IllegalArgumentException("threadsPerRun and workers must be >= 1, were " + threadsPerRun
                        + " and " + workers);
            }
            Objects.requireNonNull(master, "master");
            Objects.requireNonNull(output, "output");
            conf = Map.copyOf(conf);
        }
    }

    /**
     * The engine with this name.
     *
     * @throws EngineUnavailableException when no engine of that name is on the class path
     */
    static BatchEngine named(String name) {
        if (name.equals(LocalBatchEngine.NAME)) {
            return new LocalBatchEngine();
        }
        List<BatchEngine> found = StreamSupport.stream(ServiceLoader.load(BatchEngine.class).spliterator(), false)
                .toList();
        String known = Stream.concat(Stream.of(LocalBatchEngine.NAME), found.stream().map(BatchEngine::name))
                .collect(Collectors.joining(", "));
        return found.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow(() ->
                new EngineUnavailableException("batch engine '" + name + "' is not available (engines here: " + known
                        + "). The launcher ./gaitlens builds and adds the Spark module for "
                        + "--engine spark; with java directly, add spark/target/gaitlens-spark.jar and "
                        + "spark/target/spark-lib/* to the class path (docs/spark.md)."));
    }
}
