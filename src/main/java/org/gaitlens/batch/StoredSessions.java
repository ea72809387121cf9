package org.gaitlens.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.core.AnalysisException;
import org.gaitlens.reporting.ComparisonReportBuilder;
import org.gaitlens.reporting.ReportInput;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.Artifact;
import org.gaitlens.store.Patient;
import org.gaitlens.store.RunStatus;
import org.gaitlens.store.SessionRecord;
import org.gaitlens.store.StudyStore;

/**
 * A patient's finished sessions in the study store, as inputs of the comparison report: for every session the
 * newest finished, current analysis of each of its recordings, or of its recordings pooled (one comparison column
 * for a pooled session, however many clips), read from the {@code report-input.json} artifact.
 */
public final class StoredSessions {
    /** Artifact kind of the report snapshot (file name with '.' as '-'). */
    static final String REPORT_INPUT_KIND = "report-input-json";

    private StoredSessions() {
    }

    /**
     * The comparison inputs of a patient's stored sessions, in date order.
     *
     * @throws org.gaitlens.store.RecordNotFoundException if the patient does not exist
     * @throws AnalysisException                          if the patient has no finished analysis
     */
    public static List<ComparisonReportBuilder.Session> forPatient(StudyStore store, String pseudonym) {
        Patient patient = store.patients().require(pseudonym);
        List<ComparisonReportBuilder.Session> out = new ArrayList<>();
        for (SessionRecord s : store.sessions().listByPatient(patient.id())) {
            for (Map.Entry<List<Long>, AnalysisRun> e : newestDone(store, s).entrySet()) {
                reportInput(store, e.getValue()).ifPresent(dir -> out.add(new ComparisonReportBuilder.Session(
                        s.date() + "_" + s.label() + "_rec" + e.getKey().get(0), ReportInput.read(dir))));
            }
        }
        if (out.isEmpty()) {
            throw new AnalysisException("patient " + pseudonym + " has no finished analysis in the store; run "
                    + "'gaitlens batch' on the patient's recordings first");
        }
        return out;
    }

    /**
     * The newest finished, current run of each set of recordings of a session: one per recording analysed alone,
     * one for the recordings pooled; a superseded run (its session got another clip since) is left out.
     */
    private static Map<List<Long>, AnalysisRun> newestDone(StudyStore store, SessionRecord s) {
        Map<List<Long>, AnalysisRun> out = new LinkedHashMap<>();
        for (AnalysisRun run : store.runs().listBySession(s.id())) {
            if (run.status() == RunStatus.DONE && !run.superseded()) {
                out.merge(store.runs().recordingIds(run.id()), run, (a, b) -> b.id() > a.id() ? b : a);
            }
        }
        return out;
    }

    private static Optional<Path> reportInput(StudyStore store, AnalysisRun run) {
        for (Artifact a : store.results().artifacts(run.id())) {
            if (REPORT_INPUT_KIND.equals(a.ref().kind())) {
                Path file = store.resolve(a.ref());
                if (Files.isRegularFile(file)) {
                    return Optional.of(file.getParent());
                }
            }
        }
        return Optional.empty();
    }
}
