package org.gaitlens.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gaitlens.core.Side;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.DuplicateRecordException;
import org.gaitlens.store.Patient;
import org.gaitlens.store.Recording;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;

/**
 * The patient list with its <i>New patient</i> form ({@code GET/POST /patients}) and a patient's page
 * ({@code GET /patients/{pid}}: the timeline of sessions and their analyses, the upload form, the comparison
 * picker). A patient created here is assigned to the therapist who created it.
 */
final class PatientController {
    private final StudyStore store;
    private final WebConfig config;
    private final Access access;
    private final Pages pages;
    private final AuditTrail audit;
    private final RunProgress progress;

    PatientController(StudyStore store, WebConfig config, Access access, Pages pages, AuditTrail audit,
            RunProgress progress) {
        this.store = store;
        this.config = config;
        this.access = access;
        this.pages = pages;
        this.audit = audit;
        this.progress = progress;
    }

    /** A patient row of the list. */
    public record PatientRow(String publicId, String pseudonym, String height, String affectedSide, String notes,
            int sessions) {
    }

    /** One analysis on the patient page. */
    public record RunRow(String publicId, String status, String statusText, String error, String file, String view) {
    }

    /** One session on the patient page. */
    public record SessionRow(String date, String label, List<RunRow> runs) {
    }

    /** {@code GET /patients}. */
    void patientsPage(Context ctx) {
        showPatients(ctx, null);
    }

    private void showPatients(Context ctx, String error) {
        List<PatientRow> rows = new ArrayList<>();
        for (Patient p : access.visiblePatients(SecurityFilter.user(ctx))) {
            rows.add(new PatientRow(access.pid(p), p.pseudonym(),
                    p.heightCm().isPresent() ? String.format(Locale.ROOT, "%.0f cm", p.heightCm().getAsDouble()) : "",
                    p.affectedSide().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(""), p.notes(),
                    store.sessions().listByPatient(p.id()).size()));
        }
        Map<String, Object> m = pages.model(ctx, "Patients");
        m.put("patients", rows);
        m.put("error", error);
        pages.render(ctx, "patients", m);
    }

    /** {@code POST /patients}: creates the patient and gives the creator access to it. */
    void createPatient(Context ctx) {
        String pseudonym = Optional.ofNullable(ctx.formParam("pseudonym")).orElse("").trim();
        String heightText = Optional.ofNullable(ctx.formParam("height_cm")).orElse("").trim();
        String sideText = Optional.ofNullable(ctx.formParam("affected_side")).orElse("").trim();
        String notes = Optional.ofNullable(ctx.formParam("notes")).orElse("").trim();
        Patient p;
        try {
            OptionalDouble height = heightText.isEmpty() ? OptionalDouble.empty()
                    : OptionalDouble.of(Double.parseDouble(heightText.replace(',', '.')));
            Optional<Side> side = switch (sideText) {
                case "left" -> Optional.of(Side.LEFT);
                case "right" -> Optional.of(Side.RIGHT);
                case "" -> Optional.empty();
                default -> throw new IllegalArgumentException("affected side must be left, right or unknown");
            };
            if (notes.length() > 2000) {
                throw new IllegalArgumentException("notes must be at most 2000 characters");
            }
            p = store.patients().create(pseudonym, height, side, notes);
        } catch (NumberFormatException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showPatients(ctx, "Height must be a number of centimetres.");
            return;
        } catch (IllegalArgumentException e) {
            ctx.status(HttpStatus.BAD_REQUEST);
            showPatients(ctx, "Patient not created: " + e.getMessage() + ".");
            return;
        } catch (DuplicateRecordException e) {
            ctx.status(HttpStatus.CONFLICT);
            showPatients(ctx, takenId(ctx, pseudonym));
            return;
        }
        store.users().grantAccess(SecurityFilter.user(ctx).id(), p.id());
        audit.record(ctx, "create-patient", access.pid(p), p.pseudonym());
        ctx.redirect("/patients/" + access.pid(p), HttpStatus.SEE_OTHER);
    }

    /**
     * The answer when a patient id is taken. Ids are unique in the clinic, so the id cannot be used; but only a user
     * who may see that patient is told that it is theirs. Anyone else gets the same words whether the id belongs to
     * another therapist's patient or not, naming no patient, therapist or data.
     */
    private String takenId(Context ctx, String pseudonym) {
        Optional<Patient> held = store.patients().find(pseudonym);
        if (held.isPresent() && access.maySee(SecurityFilter.user(ctx), held.get().id())) {
            return "Patient not created: you already have a patient with the id " + pseudonym + ".";
        }
        return "Patient not created: this id cannot be used. Choose another id (for example with your initials or a "
                + "number added).";
    }

    /** {@code GET /patients/{pid}}. */
    void patientPage(Context ctx) {
        showPatient(ctx, access.patient(ctx, ctx.pathParam("pid")), null);
    }

    /** The patient's page with an error message (null: none), at the status already set. */
    void showPatient(Context ctx, Patient p, String error) {
        Map<String, Object> m = patientModel(ctx, p);
        m.put("error", error);
        pages.render(ctx, "patient", m);
    }

    /** The patient's page with a notice and a link after it (for an upload that was not stored again). */
    void showPatientNotice(Context ctx, Patient p, String notice, String link) {
        Map<String, Object> m = patientModel(ctx, p);
        m.put("notice", notice);
        m.put("noticeLink", link);
        pages.render(ctx, "patient", m);
    }

    /** The label the upload form suggests: {@code baseline} for the first session, then {@code follow-up N}. */
    static String nextLabel(int sessions) {
        return sessions == 0 ? "baseline" : "follow-up " + sessions;
    }

    private Map<String, Object> patientModel(Context ctx, Patient p) {
        List<SessionRow> sessions = new ArrayList<>();
        List<SessionRecord> list = new ArrayList<>(store.sessions().listByPatient(p.id()));
        Collections.reverse(list);
        for (SessionRecord s : list) {
            List<RunRow> runs = new ArrayList<>();
            for (AnalysisRun r : store.runs().listBySession(s.id())) {
                List<Long> ids = store.runs().recordingIds(r.id());
                Recording rec = store.recordings().get(ids.get(0));
                String what = (ids.size() > 1 ? ids.size() + " videos pooled, first " : "video ")
                        + rec.addedAt().toString().substring(0, 16).replace('T', ' ');
                // A superseded run is kept and shown as such: a later run of the session pooled more clips.
                runs.add(r.superseded()
                        ? new RunRow(access.rid(r), "superseded", "superseded by a later analysis with more videos",
                                "", what, rec.view())
                        : new RunRow(access.rid(r), r.status().name().toLowerCase(Locale.ROOT), progress.describe(r),
                                FailureText.of(r.errorMessage().orElse("")), what, rec.view()));
            }
            sessions.add(new SessionRow(s.date().toString(), s.label(), runs));
        }
        audit.record(ctx, "view-patient", access.pid(p), "");
        Map<String, Object> m = pages.model(ctx, "Patient " + p.pseudonym());
        m.put("patient", p);
        m.put("pid", access.pid(p));
        m.put("height", p.heightCm().isPresent()
                ? String.format(Locale.ROOT, "%.0f cm", p.heightCm().getAsDouble()) : "unknown");
        m.put("side", p.affectedSide().map(s -> s.name().toLowerCase(Locale.ROOT)).orElse("unknown"));
        m.put("sessions", sessions);
        m.put("nextLabel", nextLabel(sessions.size()));
        m.put("today", LocalDate.now().toString());
        m.put("maxUploadBytes", config.maxUploadBytes());
        m.put("maxUploadText", Pages.humanBytes(config.maxUploadBytes()));
        return m;
    }
}
