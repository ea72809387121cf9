package org.gaitlens.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.report.ChartImage;
import org.gaitlens.report.PatientSummary;
import org.gaitlens.report.PatientSummaryPdf;
import org.gaitlens.report.RenderOptions;
import org.gaitlens.reporting.ComparisonReportBuilder;
import org.gaitlens.reporting.PatientSummaryBuilder;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Patient;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;

/**
 * {@code GET /patients/{pid}/summary?run=A[&run=B...]}: the one-page patient summary ({@link PatientSummaryBuilder})
 * of the named finished sessions, as a printable page or, with {@code format=pdf}, as PDF. With {@code from=first}
 * the patient's first finished session is added, so that the run page's summary says what changed since then.
 * The clinician's name is the signed-in user's unless {@code clinician} gives the name to print (plain text, at
 * most {@value #MAX_NAME} characters; the page has a field for it).
 */
final class SummaryController {
    static final int MAX_NAME = 80;

    private final StudyStore store;
    private final Access access;
    private final Pages pages;
    private final AuditTrail audit;
    private final Snapshots snapshots;

    SummaryController(StudyStore store, Access access, Pages pages, AuditTrail audit, RunFiles files) {
        this.store = store;
        this.access = access;
        this.pages = pages;
        this.audit = audit;
        this.snapshots = new Snapshots(access, files);
    }

    /** A picture of the page: its title, caption and PNG as a {@code data:} URI. */
    public record Picture(String title, String caption, String src) {
    }

    void summary(Context ctx) {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        List<Access.RunContext> runs = new ArrayList<>(snapshots.runs(ctx, p, 1, 25));
        if ("first".equals(ctx.queryParam("from"))) {
            firstFinished(p).filter(first -> runs.stream().noneMatch(rc -> rc.run().id() == first.id()))
                    .ifPresent(first -> runs.add(0, snapshots.finished(ctx, p, access.rid(first))));
        }
        List<ComparisonReportBuilder.Session> sessions = snapshots.sessions(runs);
        String clinician = clinician(ctx);
        PatientSummary s = PatientSummaryBuilder.build(sessions, clinician, LocalDate.now());
        boolean pdf = "pdf".equals(ctx.queryParam("format"));
        audit.record(ctx, pdf ? "download-summary" : "view-summary", access.pid(p), "");
        if (pdf) {
            ctx.contentType("application/pdf");
            ctx.header("Content-Disposition", "attachment; filename=\""
                    + (p.pseudonym() + "_summary_" + s.printedOn() + ".pdf").replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
            ctx.result(new PatientSummaryPdf(RenderOptions.defaults()).render(s));
            return;
        }
        List<Picture> pictures = new ArrayList<>();
        for (ChartImage c : s.pictures()) {
            pictures.add(new Picture(c.title(), c.caption(), "data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(c.png())));
        }
        Map<String, Object> m = pages.model(ctx, "Summary for " + p.pseudonym());
        m.put("summary", s);
        m.put("pictures", pictures);
        m.put("pid", access.pid(p));
        m.put("patient", p);
        List<String> rids = runs.stream().map(rc -> access.rid(rc.run())).toList();
        m.put("runs", rids);
        m.put("pdfUrl", "/patients/" + access.pid(p) + "/summary?" + rids.stream().map(r -> "run=" + r)
                .collect(java.util.stream.Collectors.joining("&")) + "&clinician="
                + java.net.URLEncoder.encode(clinician, java.nio.charset.StandardCharsets.UTF_8) + "&format=pdf");
        m.put("note", PatientSummary.NOTE);
        pages.render(ctx, "summary", m);
    }

    /** The clinician's name to print: the query's, cleaned, or the signed-in user's name. */
    private static String clinician(Context ctx) {
        String given = Optional.ofNullable(ctx.queryParam("clinician")).orElse("").replaceAll("\\p{Cntrl}", " ").strip();
        if (given.isEmpty()) {
            return SecurityFilter.user(ctx).username();
        }
        return given.length() > MAX_NAME ? given.substring(0, MAX_NAME) : given;
    }

    /** The patient's finished run of the earliest session that has one. */
    private Optional<AnalysisRun> firstFinished(Patient p) {
        for (SessionRecord s : store.sessions().listByPatient(p.id())) {
            for (Recording rec : store.recordings().listBySession(s.id())) {
                for (AnalysisRun r : store.runs().listByRecording(rec.id())) {
                    if (r.status() == RunStatus.DONE) {
                        return Optional.of(r);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
