package org.gaitlens.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gaitlens.core.GaitlensException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code gaitlens} launcher: one command with a subcommand per job. */
@Command(
        name = "gaitlens",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Gait analysis from walking videos and motion capture.",
        subcommands = {PoseCommand.class, AnalyzeCommand.class, ReportCommand.class, CompareCommand.class,
            ValidateCommand.class, BatchCommand.class, PatientsCommand.class, SessionsCommand.class,
            ExportCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class GaitlensCommand implements Callable<Integer> {

    @Option(names = "--verbose", description = "Show stack traces on errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.out);
        return 0;
    }

    /** Builds the command line with gaitlens' error handling: domain errors as messages with exit codes. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GaitlensCommand());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            PrintWriter err = commandLine.getErr();
            if (ex instanceof GaitlensException g) {
                err.println("gaitlens: " + g.getMessage());
                if (verbose) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return g.exitCode();
            }
            err.println("gaitlens: unexpected error: " + ex);
            if (verbose) {
                ex.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for details)");
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int code = commandLine().execute(args);
        System.exit(code);
    }
}
