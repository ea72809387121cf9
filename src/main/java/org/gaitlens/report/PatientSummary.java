package org.gaitlens.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one-page summary a therapist hands to the patient: what was measured in the latest session, what changed
 * since the first, in pictures, in plain words (no indices, no abbreviations), with the clinician's name and the
 * date. Rendered as a page of the web app and as a one-page PDF ({@link PatientSummaryPdf}).
 *
 * @param patientId the patient's id or pseudonym
 * @param clinician who hands it out, as they want to be named
 * @param printedOn the date of the summary
 * @param sessions  the sessions it covers, oldest first, as "date label"
 * @param measures  the latest session's numbers
 * @param changes   changes from the first to the latest session (empty for one session)
 * @param pictures  the pictures (time on each leg, walking speed over the sessions)
 */
public record PatientSummary(String patientId, String clinician, LocalDate printedOn, List<String> sessions,
        List<Measure> measures, List<Change> changes, List<ChartImage> pictures) {

    /** What the summary says beside the numbers. */
    public static final String NOTE = "These numbers come from a video of your walk. They are meant to follow your "
            + "progress from one visit to the next; your therapist explains what they mean for you.";

    public PatientSummary {
        Checks.requireText(patientId, "patientId");
        clinician = clinician == null ? "" : clinician;
        Objects.requireNonNull(printedOn, "printedOn");
        sessions = Checks.list(sessions, "sessions");
        measures = Checks.list(measures, "measures");
        changes = Checks.list(changes, "changes");
        pictures = Checks.list(pictures, "pictures");
    }

    /**
     * One number of the latest session.
     *
     * @param name    what it is, in plain words ("Walking speed")
     * @param value   the value with its unit ("1.04 m/s")
     * @param meaning a short explanation
     */
    public record Measure(String name, String value, String meaning) {
        public Measure {
            Checks.requireText(name, "name");
            Checks.requireText(value, "value");
            meaning = meaning == null ? "" : meaning;
        }
    }

    /**
     * A change from the first to the latest session.
     *
     * @param name     what changed, in plain words
     * @param sentence from what to what ("went up from 0.82 m/s to 1.04 m/s")
     * @param verdict  the comparison's verdict (a change larger than the measurement can tell apart, or not)
     */
    public record Change(String name, String sentence, ChangeVerdict verdict) {
        public Change {
            Checks.requireText(name, "name");
            Checks.requireText(sentence, "sentence");
            Objects.requireNonNull(verdict, "verdict");
        }

        /** The verdict in plain words: better, worse, no clear change. */
        public String verdictText() {
            return switch (verdict) {
                case IMPROVED -> "better";
                case WORSENED -> "worse";
                case NO_DETECTABLE_CHANGE -> "no clear change";
                case NOT_AVAILABLE -> "cannot be compared";
            };
        }

        /** The verdict's name in lower case, for styling. */
        public String verdictKey() {
            return verdict.name().toLowerCase(Locale.ROOT);
        }
    }
}
