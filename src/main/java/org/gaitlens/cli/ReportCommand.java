package org.gaitlens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.pipeline.SessionReports;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.report.ReportRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gaitlens report SESSION_DIR}: rebuilds the session report from a session folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild the session report (report.json, report.html, report.pdf) from a session folder",
            "written by 'gaitlens analyze' (it reads report-input.json and keyframes/)."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SESSION_DIR", description = "Session folder written by 'gaitlens analyze'.")
    Path sessionDir;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the report (default: the session folder).")
    Path out;

    @Option(names = "--page-size", paramLabel = "SIZE", defaultValue = "a4",
            description = "PDF page size: a4 or letter (default: ${DEFAULT-VALUE}).")
    String pageSize;

    @Override
    public Integer call() {
        RenderOptions.PageSize size = parsePageSize(pageSize);
        ReportRenderer.Written w = SessionReports.rebuild(sessionDir, out, size);
        PrintWriter o = spec.commandLine().getOut();
        o.println("report: " + w.pdf());
        o.println("        " + w.html());
        o.println("        " + w.json());
        o.flush();
        return 0;
    }

    static RenderOptions.PageSize parsePageSize(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "a4" -> RenderOptions.PageSize.A4;
            case "letter" -> RenderOptions.PageSize.LETTER;
            default -> throw new InvalidInputException("unknown page size '" + text + "': use a4 or letter");
        };
    }
}
