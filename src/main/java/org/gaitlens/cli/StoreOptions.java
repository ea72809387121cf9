package org.gaitlens.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.gaitlens.store.StoreConfig;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options every command that reads or writes a study takes. Use as a {@code @Mixin}. Database credentials
 * other than those in the URL come from the environment ({@value #USER_VARIABLE}, {@value #PASSWORD_VARIABLE}),
 * never from the command line, where other users could read them.
 */
public final class StoreOptions {
    static final String USER_VARIABLE = "GAITLENS_DB_USER";
    static final String PASSWORD_VARIABLE = "GAITLENS_DB_PASSWORD";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Study folder: holds the database and the artifacts, so two studies never mix "
                    + "(default: ${DEFAULT-VALUE}).")
    Path dataDir = StoreConfig.defaultDataDir();

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "Use this database instead of DIR/gaitlens.db, e.g. "
                    + "jdbc:postgresql://host:5432/gaitlens (user and password from " + USER_VARIABLE + " and "
                    + PASSWORD_VARIABLE + " or in the URL). Artifacts stay in DIR.")
    String jdbcUrl;

    /** The store configuration these options name. */
    public StoreConfig config() {
        return new StoreConfig(dataDir, Optional.ofNullable(jdbcUrl), env(USER_VARIABLE), env(PASSWORD_VARIABLE));
    }

    /**
     * These options for a subcommand whose parent takes them too ({@code patients --data X add ID} and
     * {@code patients add ID --data X} mean the same): each option as given to the subcommand, else as given to
     * the parent.
     */
    StoreOptions orParent(CommandSpec own, StoreOptions parent) {
        ParseResult parsed = own.commandLine().getParseResult();
        StoreOptions merged = new StoreOptions();
        merged.dataDir = parsed.hasMatchedOption("--data") ? dataDir : parent.dataDir;
        merged.jdbcUrl = parsed.hasMatchedOption("--jdbc-url") ? jdbcUrl : parent.jdbcUrl;
        return merged;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }
}
