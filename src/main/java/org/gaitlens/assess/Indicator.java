package org.gaitlens.assess;

import java.util.List;
import org.gaitlens.core.Side;

/**
 * One screening indicator: a gait pattern, the side it points to, how strongly the data show it, the
 * evidence in sentences with the numbers, and the wording for the report. Indicators are screening
 * aids, never a diagnosis, and {@link #statement()} says so.
 *
 * @param pattern   the pattern
 * @param side      the side the pattern points to (for gait patterns the involved limb; for a trunk list
 *                  the probable painful side, opposite the shift), or {@code null} when none
 * @param strength  how strongly the data show it
 * @param evidence  sentences with the numbers behind the verdict, positive and negative findings
 * @param statement the sentence for the report
 * @param reference the study describing the pattern
 */
public record Indicator(Pattern pattern, Side side, Strength strength, List<String> evidence, String statement,
        String reference) {

    public Indicator {
        if (pattern == null || strength == null) {
            throw new IllegalArgumentException("pattern and strength must be given");
        }
        if (strength.raised() && side == null) {
            throw new IllegalArgumentException("a raised " + pattern + " indicator needs a side");
        }
        evidence = List.copyOf(evidence);
    }

    /**
     * An indicator with the report statement worded from its pattern and strength.
     *
     * @param side                the side it points to; dropped unless the strength is raised
     * @param notAssessableReason why it is not assessable (used only for {@link Strength#NOT_ASSESSABLE})
     */
    public static Indicator of(Pattern p, Side side, Strength strength, List<String> evidence,
            String notAssessableReason) {
        String statement = switch (strength) {
            case LIKELY, POSSIBLE -> "Pattern consistent with " + p.label() + " on the " + Fmt.side(side) + " side ("
                    + strength.name().toLowerCase(java.util.Locale.ROOT)
                    + ") - a screening indicator, not a diagnosis.";
            case NONE -> "No pattern consistent with " + p.label() + " found.";
            case NOT_ASSESSABLE -> "Not assessable for " + p.label() + ": " + notAssessableReason + ".";
        };
        return new Indicator(p, strength.raised() ? side : null, strength, evidence, statement, p.reference());
    }
}
