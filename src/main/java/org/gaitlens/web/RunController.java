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
 * One analysis: its page ({@code GET /runs/{rid}}: progress, failure reason, key numbers, the deviation from
 * healthy walking, files, overlay video, embedded report), its progress as JSON ({@code /status}), retrying a failed one ({@code POST /retry}), the stored
 * report ({@code /report}) and file downloads ({@code /files/{kind}}).
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
        m.put("errorMessage", r.errorMessage().orElse(""));
        m.put("metrics", done ? keyNumbers.rows(r.id()) : List.of());
        List<RunFiles.FileLink> links = done ? files.links(rid, r.id()) : List.of();
        m.put("files", links);
        m.put("hasReport", links.stream().anyMatch(f -> f.kind().equals("report-html")));
        m.put("hasOverlay", links.stream().anyMatch(f -> f.kind().equals("overlay-mp4")));
        String summary = done ? store.results().summaryJson(r.id()).orElse("{}") : "{}";
        m.put("symmetry", done ? SummaryText.symmetry(summary) : "");
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
        m.put("error", r.errorMessage().orElse(""));
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
     * {@code GET /runs/{rid}/files/{kind}}: an attachment named after patient, session date and file; an overlay
     * MP4 inline with {@code ?inline=1}; HTML only under {@link SecurityFilter#REPORT_CSP}.
     */
    void download(Context ctx) throws IOException {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        String kind = ctx.pathParam("kind");
        if (!kind.matches("[a-z0-9-]{1,40}")) {
            throw new NotFound();
        }
        Path f = files.file(rc.run().id(), kind);
        String name = f.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1);
        String download = rc.patient().pseudonym() + "_" + rc.session().date() + "_" + name;
        audit.record(ctx, "download", access.rid(rc.run()), kind);
        ctx.contentType(RunFiles.contentType(ext));
        boolean inline = "1".equals(ctx.queryParam("inline")) && ext.equals("mp4");
        ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\""
                + download.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        if (ext.equals("html")) {
            ctx.header("Content-Security-Policy", SecurityFilter.REPORT_CSP);
        }
        ctx.header("Content-Length", Long.toString(Files.size(f)));
        ctx.result(Files.newInputStream(f));
    }

    /** {@code GET /runs/{rid}/report}: the stored HTML report, under {@link SecurityFilter#REPORT_CSP}. */
    void reportHtml(Context ctx) throws IOException {
        Access.RunContext rc = access.run(ctx, ctx.pathParam("rid"));
        Path f = files.file(rc.run().id(), "report-html");
        audit.record(ctx, "view-report", access.rid(rc.run()), "");
        ctx.header("Content-Security-Policy", SecurityFilter.REPORT_CSP);
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(Files.newInputStream(f));
    }
}
