package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitlens.reporting.ComparisonReportBuilder;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.store.Patient;
import org.gaitlens.store.RunStatus;

/**
 * The finished runs of one patient that a comparison or a patient summary names in its query ({@code run=A&run=B}),
 * and their report snapshots ({@code report-input.json}, what the report builders read). A run that is not a
 * finished run of that patient, or one the user may not see, answers 404 like a missing one.
 */
final class Snapshots {
    private final Access access;
    private final RunFiles files;

    Snapshots(Access access, RunFiles files) {
        this.access = access;
        this.files = files;
    }

    /**
     * The distinct runs named by the query, in the order given (at most {@code limit}).
     *
     * @throws Refused (400) when fewer than {@code min} different runs are named
     * @throws NotFound when one is not a finished run of the patient
     */
    List<Access.RunContext> runs(Context ctx, Patient p, int min, int limit) {
        List<String> ids = ctx.queryParams("run").stream().distinct().limit(limit).toList();
        if (ids.size() < min) {
            throw new Refused(HttpStatus.BAD_REQUEST, min == 1 ? "Pick a finished session."
                    : "Pick two or more different finished sessions to compare.");
        }
        List<Access.RunContext> out = new ArrayList<>();
        for (String id : ids) {
            out.add(finished(ctx, p, id));
        }
        return out;
    }

    /** The run, if it is a finished run of this patient the user may see; {@link NotFound} otherwise. */
    Access.RunContext finished(Context ctx, Patient p, String publicId) {
        Access.RunContext rc = access.run(ctx, publicId);
        if (rc.patient().id() != p.id() || rc.run().status() != RunStatus.DONE) {
            throw new NotFound();
        }
        return rc;
    }

    /** The run's report snapshot as a comparison session named by date and label; empty when it has none. */
    Optional<ComparisonReportBuilder.Session> session(Access.RunContext rc) {
        Optional<Path> snapshot = files.stored(rc.run().id(), "report-input-json");
        return snapshot.map(f -> new ComparisonReportBuilder.Session(rc.session().date() + " " + rc.session().label(),
                ReportInput.read(f.getParent())));
    }

    /**
     * The snapshots of all the runs.
     *
     * @throws NotFound when one has none (an analysis made before snapshots existed)
     */
    List<ComparisonReportBuilder.Session> sessions(List<Access.RunContext> runs) {
        List<ComparisonReportBuilder.Session> out = new ArrayList<>();
        for (Access.RunContext rc : runs) {
            out.add(session(rc).orElseThrow(NotFound::new));
        }
        return out;
    }
}
