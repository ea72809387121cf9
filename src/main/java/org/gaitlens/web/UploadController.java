package org.gaitlens.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.batch.RecordingIntake;
import org.gaitlens.batch.RunSettings;
import org.gaitlens.core.Checksums;
import org.gaitlens.core.Json;
import org.gaitlens.pipeline.InputKind;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Patient;
import org.gaitlens.store.Recording;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;
import org.gaitlens.video.VideoInfo;

/**
 * {@code POST /patients/{pid}/upload}: one or more walking videos (the clips of one session) for a session of the
 * patient. The upload is read and checked by {@link UploadForm}, then each video registered through the
 * {@link RecordingIntake} that the batch runner uses too:
 * <ul>
 *   <li>new content: stored as a recording of the session (date, label; created when missing), and the session
 *       queued for analysis with the patient's height: all its recordings pooled into one run when it has several
 *       (of the same camera view; a clip added to an existing session runs the pooled analysis again; when that run finishes, the earlier
 *       run is kept, marked superseded); answered 201 with the run's URL (JSON) or a redirect to the run. Videos
 *       among them that the patient already has are named in a notice and not stored again;</li>
 *   <li>only content this patient already has: nothing is stored; answered 200 with a notice naming the session it was
 *       uploaded for and a link to that recording's analysis (JSON: {@code run}, {@code notice});</li>
 *   <li>content another patient has: nothing is stored; answered 409. The message names that patient only when the
 *       user may see it; otherwise it names no patient, session, date or result.</li>
 * </ul>
 * Browsers that run the page's script ask for JSON ({@code Accept: application/json}); the plain form gets pages.
 */
final class UploadController {
    /** The refusal when another patient holds the content and the user may not see that patient. */
    static final String NOT_FOR_THIS_PATIENT = "This video cannot be added to this patient. Check that you chose "
            + "the right patient and the right file.";

    private final StudyStore store;
    private final WebConfig config;
    private final Access access;
    private final AuditTrail audit;
    private final PatientController patients;
    private final RecordingIntake intake;
    private final Runnable nudgeWorkers;
    private final Path incomingDir;
    private final Path uploadsDir;

    /**
     * @param nudgeWorkers tells the analysis workers a run was queued
     * @param uploadsDir   where videos are stored
     * @param incomingDir  where the request's parts stream to while they arrive
     */
    UploadController(StudyStore store, WebConfig config, Access access, AuditTrail audit, PatientController patients,
            Runnable nudgeWorkers, Path uploadsDir, Path incomingDir) {
        this.store = store;
        this.config = config;
        this.access = access;
        this.audit = audit;
        this.patients = patients;
        this.intake = new RecordingIntake(store);
        this.nudgeWorkers = nudgeWorkers;
        this.uploadsDir = uploadsDir;
        this.incomingDir = incomingDir;
    }

    void upload(Context ctx) {
        Patient p = access.patient(ctx, ctx.pathParam("pid"));
        boolean wantsJson = "application/json".equals(ctx.header("Accept"));
        try (UploadForm form = UploadForm.read(ctx, config.maxUploadBytes(), incomingDir, uploadsDir)) {
            // Refused before anything is stored when any video is another patient's.
            for (Path file : form.files()) {
                Optional<SessionRecord> held = store.recordings().findBySha256(Checksums.sha256(file))
                        .flatMap(r -> r.sessionId().isPresent() ? Optional.of(store.sessions().get(
                                r.sessionId().getAsLong())) : Optional.empty())
                        .filter(s -> s.patientId() != p.id());
                if (held.isPresent()) {
                    throw new Refused(HttpStatus.CONFLICT, otherPatient(ctx, p, held.get()));
                }
            }
            List<RecordingIntake.Result> ins = new ArrayList<>();
            for (Path file : form.files()) {
                RecordingIntake.Result in = intake.register(file, p.id(), form.sessionDate(), form.label(),
                        form.view(), () -> videoFactsJson(form.info(file)));
                if (in.kind() == RecordingIntake.Kind.OTHER_PATIENT) { // stored by another upload meanwhile
                    throw new Refused(HttpStatus.CONFLICT, otherPatient(ctx, p, in.session()));
                }
                ins.add(in);
            }
            if (ins.stream().allMatch(in -> in.kind() == RecordingIntake.Kind.KNOWN)) {
                known(ctx, wantsJson, p, ins.get(0));
            } else {
                added(ctx, wantsJson, p, form, ins);
            }
        } catch (Refused e) {
            audit.record(ctx, "upload-refused", access.pid(p), e.getMessage());
            ctx.status(e.status);
            if (wantsJson) {
                ctx.json(Map.of("error", e.getMessage()));
            } else {
                patients.showPatient(ctx, p, e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** New recordings: their session (all its recordings, pooled) queued for analysis with the patient's height. */
    private void added(Context ctx, boolean wantsJson, Patient p, UploadForm form, List<RecordingIntake.Result> ins) {
        List<String> known = new ArrayList<>();
        SessionRecord session = null;
        for (int i = 0; i < ins.size(); i++) {
            RecordingIntake.Result in = ins.get(i);
            Path file = form.files().get(i);
            if (in.kind() == RecordingIntake.Kind.ADDED) {
                session = in.session();
                if (store.recordings().resolve(in.recording()).toAbsolutePath().normalize()
                        .equals(file.toAbsolutePath().normalize())) {
                    form.keep(file);
                }
            } else {
                known.add(form.submittedName(file));
            }
        }
        // The session's clips of this camera view are pooled; a frontal clip stays a run of its own.
        AnalysisRun run = queue(store.recordings().listBySession(session.id()).stream()
                .filter(r -> r.view().equals(form.view())).toList(), p);
        audit.record(ctx, "upload", access.rid(run), "patient " + access.pid(p) + ", " + form.files().size()
                + " video(s), " + Pages.humanBytes(form.sizeBytes()) + ", " + form.view());
        String url = "/runs/" + access.rid(run);
        String notice = known.isEmpty() ? "" : String.join(", ", known) + (known.size() == 1 ? " was" : " were")
                + " already uploaded for this patient and not stored again: each video is counted once.";
        if (wantsJson) {
            ctx.status(HttpStatus.CREATED).json(Map.of("run", url, "notice", notice));
        } else {
            ctx.redirect(url, HttpStatus.SEE_OTHER);
        }
    }

    /** The patient has this video already: say so, and point to its analysis. */
    private void known(Context ctx, boolean wantsJson, Patient p, RecordingIntake.Result in) {
        AnalysisRun run = analysisOf(in.recording(), p);
        String notice = "This video was already uploaded for this patient (session " + in.session().date() + ", "
                + in.session().label() + "); it was not stored again.";
        String url = "/runs/" + access.rid(run);
        audit.record(ctx, "upload-known", access.rid(run), "patient " + access.pid(p));
        if (wantsJson) {
            ctx.status(HttpStatus.OK).json(Map.of("run", url, "notice", notice));
        } else {
            patients.showPatientNotice(ctx.status(HttpStatus.OK), p, notice, url);
        }
    }

    /**
     * The recording's analysis to show: the newest finished one, else the newest; one is queued with the
     * patient's height when it has none.
     */
    private AnalysisRun analysisOf(Recording rec, Patient p) {
        List<AnalysisRun> runs = store.runs().listByRecording(rec.id());
        return runs.stream().max(Comparator.comparing((AnalysisRun r) -> !r.superseded())
                .thenComparing((AnalysisRun r) -> r.status() == RunStatus.DONE)
                .thenComparingLong(AnalysisRun::id)).orElseGet(() -> queue(List.of(rec), p));
    }

    /**
     * Queues the analysis of a session's recordings (one, or several pooled) with the app's analysis settings and
     * the patient's height, without the overlay video: the run page draws the skeleton over the recording, and the
     * overlay video is made only on request.
     */
    private AnalysisRun queue(List<Recording> recs, Patient p) {
        RunSettings base = config.analysis().withoutVideo();
        RunSettings settings = (p.heightCm().isPresent() ? base.withHeightCm(p.heightCm().getAsDouble()) : base)
                .resolvedFor(InputKind.VIDEO);
        AnalysisRun run = store.runs().enqueue(recs.stream().map(Recording::id).toList(), settings.toJson(),
                settings.hash(recs.stream().map(Recording::sha256).toList()), settings.softwareVersion());
        nudgeWorkers.run();
        return run;
    }

    /**
     * The refusal when another patient holds the content: naming that patient and session only when the user may
     * see it, otherwise confirming nothing about it.
     */
    private String otherPatient(Context ctx, Patient p, SessionRecord held) {
        if (!access.maySee(SecurityFilter.user(ctx), held.patientId())) {
            return NOT_FOR_THIS_PATIENT;
        }
        return "This video is already stored for patient " + store.patients().get(held.patientId()).pseudonym()
                + " (session " + held.date() + ", " + held.label() + "); a video belongs to one patient, so it was "
                + "not added to " + p.pseudonym() + ".";
    }

    private static String videoFactsJson(VideoInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width_px", info.widthPx());
        m.put("height_px", info.heightPx());
        m.put("frame_rate_hz", info.frameRateHz());
        m.put("duration_s", info.durationS());
        m.put("rotation_deg", info.rotationDeg());
        try {
            return Json.mapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("video facts are plain numbers", e);
        }
    }
}
