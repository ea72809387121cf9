package org.gaitlens.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Patient;
import org.gaitlens.store.PublicRefKind;
import org.gaitlens.store.Recording;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;
import org.gaitlens.store.UserAccount;

/**
 * Who may see what. Patients and runs are named in URLs by unguessable public ids; each is resolved here and
 * checked against the signed-in user (therapists see the patients they created or were assigned, administrators
 * all). An object the user may not see answers {@link NotFound}, the same as one that does not exist, and the
 * attempt is audited.
 */
final class Access {
    private final StudyStore store;
    private final AuditTrail audit;

    Access(StudyStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A run with its recording, session and patient, after checking the user may see the patient. */
    record RunContext(AnalysisRun run, Recording recording, SessionRecord session, Patient patient) {
    }

    /** The patient with this public id, if the user may see it. */
    Patient patient(Context ctx, String publicId) {
        OptionalLong id = store.publicRefs().resolve(PublicRefKind.PATIENT, publicId);
        if (id.isEmpty()) {
            throw new NotFound();
        }
        Patient p = store.patients().get(id.getAsLong());
        requireAccess(ctx, p.id());
        return p;
    }

    /** The run with this public id and what it belongs to, if the user may see its patient. */
    RunContext run(Context ctx, String publicId) {
        OptionalLong id = store.publicRefs().resolve(PublicRefKind.RUN, publicId);
        if (id.isEmpty()) {
            throw new NotFound();
        }
        AnalysisRun run = store.runs().get(id.getAsLong());
        Recording rec = store.recordings().get(run.recordingId());
        if (rec.sessionId().isEmpty()) {
            throw new NotFound();
        }
        SessionRecord s = store.sessions().get(rec.sessionId().getAsLong());
        Patient p = store.patients().get(s.patientId());
        requireAccess(ctx, p.id());
        return new RunContext(run, rec, s, p);
    }

    private void requireAccess(Context ctx, long patientId) {
        if (!maySee(SecurityFilter.user(ctx), patientId)) {
            audit.record(ctx, "access-refused", ctx.path(), "");
            throw new NotFound();
        }
    }

    /** Whether the user may see the patient. */
    boolean maySee(UserAccount u, long patientId) {
        return u.isAdmin() || store.users().hasAccess(u.id(), patientId);
    }

    /** Administration pages: for administrators only; anyone else gets {@link NotFound}. */
    void requireAdmin(Context ctx) {
        if (!SecurityFilter.user(ctx).isAdmin()) {
            audit.record(ctx, "admin-refused", ctx.path(), "");
            throw new NotFound();
        }
    }

    /** The patients the user may see, by pseudonym. */
    List<Patient> visiblePatients(UserAccount u) {
        List<Patient> all = store.patients().list();
        if (u.isAdmin()) {
            return all;
        }
        Set<Long> ids = Set.copyOf(store.users().accessiblePatientIds(u.id()));
        return all.stream().filter(p -> ids.contains(p.id())).toList();
    }

    /** The patient's public id. */
    String pid(Patient p) {
        return store.publicRefs().publicId(PublicRefKind.PATIENT, p.id());
    }

    /** The run's public id. */
    String rid(AnalysisRun r) {
        return store.publicRefs().publicId(PublicRefKind.RUN, r.id());
    }
}
