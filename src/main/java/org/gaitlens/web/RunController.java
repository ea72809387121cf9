package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.RunStateException;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.StudyStore;

/**
 * One analysis: its page ({@code GET /runs/{rid}}: progress, failure reason, the video review of a finished video
 * analysis ({@link ReviewController} serves its data), key numbers, the deviation from healthy walking, files,
 * embedded report), its progress as JSON ({@code /status}), retrying a failed one ({@code POST /retry}), the stored
 * report ({@code /report}) and file downloads ({@code /files/{kind}}, with byte ranges). Failure reasons are shown
 * as {@link FailureText} words them.
 */
final class RunController {
    private final StudyStore store;
    private final Access access;
    private final Pages pages;
    private final AuditTrail audit;
    private final RunProgress progress;
    private final RunFiles files;
    private final KeyNumbers keyNumbers;
    private final Runnable nudgeWorkers;

    /**
     * @param nudgeWorkers tells the analysis workers a run was queued
     */
    RunController(StudyStore store, Access access, Pages pages, AuditTrail audit, RunProgress progress, RunFiles files,
            KeyNumbers keyNumbers, Runnable nudgeWorkers) {
        this.store = store;
        this.access = access;
        this.pages = pages;
        this.audit = audit;
        this.progress = progress;
        this.files = files;
        this.keyNumbers = keyNumbers;
        this.nudgeWorkers = nudgeWorkers;
    }

    /** {@code GET /runs/{rid}}. */
    void runPage(Context ctx) {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        AnalysisRun r = rc.run();
        String rid = access.rid(r);
        boolean done = r.status() == RunStatus.DONE;
        Map<String, Object> m = pages.model(ctx, "Session " + rc.session().label() + ", " + rc.patient().pseudonym());
        m.put("rid", rid);
        m.put("pid", access.pid(rc.patient()));
        m.put("patient", rc.patient());
        m.put("session", rc.session());
        m.put("view", rc.recording().view());
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("statusText", progress.describe(r));
        m.put("errorMessage", FailureText.of(r.errorMessage().orElse("")));
        m.put("metrics", done ? keyNumbers.rows(r.id()) : List.of());
        boolean video = done && files.stored(r.id(), "landmarks-csv").isPresent();
        List<RunFiles.FileLink> links = done ? files.links(rid, r.id(), video) : List.of();
        m.put("files", links);
        m.put("hasReport", links.stream().anyMatch(f -> f.kind().equals("report-html")));
        m.put("hasReview", video);
        m.put("hasSummary", done && files.stored(r.id(), "report-input-json").isPresent());
        String summary = done ? store.results().summaryJson(r.id()).orElse("{}") : "{}";
        m.put("symmetry", done ? SummaryText.symmetry(summary) : "");
        m.put("sideWarning", done ? SummaryText.sideConflict(summary, rc.patient().affectedSide()).orElse(null) : null);
        m.put("deviation", RunDeviation.of(summary).orElse(null));
        audit.record(ctx, "view-run", rid, "");
        pages.render(ctx, "run", m);
    }

    /** {@code GET /runs/{rid}/status}: status, stage, percent, text, error. */
    void runStatus(Context ctx) {
        AnalysisRun r = access.run(ctx, ctx.pathParam("rid")).run();
        RunProgress.Snapshot s = r.status() == RunStatus.RUNNING ? progress.get(r.id()) : null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().name().toLowerCase(Locale.ROOT));
        m.put("stage", s != null ? s.stage() : r.status() == RunStatus.QUEUED ? "queued" : "");
        m.put("percent", s != null ? s.percent() : -1);
        m.put("text", progress.describe(r));
        m.put("error", FailureText.of(r.errorMessage().orElse("")));
        ctx.json(m);
    }

    /** {@code POST /runs/{rid}/retry}: a failed run back into the queue (409 for any other). */
    void retry(Context ctx) {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        try {
            store.runs().requeueFailed(rc.run().id());
        } catch (RunStateException e) {
            throw new Refused(HttpStatus.CONFLICT, "Only a failed analysis can be retried.");
        }
        nudgeWorkers.run();
        audit.record(ctx, "retry", access.rid(rc.run()), "");
        ctx.redirect("/runs/" + access.rid(rc.run()), HttpStatus.SEE_OTHER);
    }

    /**
     * {@code GET /runs/{rid}/files/{kind}}: an attachment named after patient, session date and file, answered with
     * byte ranges; an MP4 or PNG inline with {@code ?inline=1}; HTML only under {@link SecurityFilter#REPORT_CSP}.
     * The report builders' inputs ({@link RunFiles#INTERNAL}) are not handed out.
     */
    void download(Context ctx) throws IOException {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        String kind = ctx.pathParam("kind");
        if (!kind.matches("[a-z0-9_-]{1,60}") || RunFiles.INTERNAL.contains(kind)) {
            throw new NotFound();
        }
        Path f = files.file(rc.run().id(), kind);
        String name = f.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        audit.record(ctx, "download", access.rid(rc.run()), kind);
        boolean inline = "1".equals(ctx.queryParam("inline")) && (ext.equals("mp4") || ext.equals("png"));
        if (ext.equals("html")) {
            ctx.header("Content-Security-Policy", SecurityFilter.REPORT_CSP);
        }
        RangedFile.send(ctx, f, RunFiles.contentType(ext), (inline ? "inline" : "attachment") + "; filename=\""
                + downloadName(rc, name) + "\"");
    }

    /** A download's file name: patient, session date and the file's own name, in safe characters. */
    static String downloadName(Access.RunContext rc, String name) {
        return (rc.patient().pseudonym() + "_" + rc.session().date() + "_" + name).replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * {@code GET /runs/{rid}/report}: the stored HTML report for the run page's frame, under
     * {@link SecurityFilter#EMBEDDED_REPORT_CSP}.
     */
    void reportHtml(Context ctx) throws IOException {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        Path f = files.file(rc.run().id(), "report-html");
        audit.record(ctx, "view-report", access.rid(rc.run()), "");
        ctx.header("Content-Security-Policy", SecurityFilter.EMBEDDED_REPORT_CSP);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(Files.newInputStream(f));
    }
}
