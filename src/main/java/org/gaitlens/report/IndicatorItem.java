package org.gaitlens.report;

import java.util.List;
import java.util.Objects;

import org.gaitlens.core.Side;

/**
 * One screening indicator in the plain-language summary, e.g. "Antalgic pattern".
 *
 * @param pattern   name of the pattern, e.g. "Antalgic gait", "Foot drop / steppage", "Weak push-off",
 *                  "Knee pattern", "Trunk list"
 * @param status    what was found
 * @param side      the side involved, or {@code null} when none or not applicable
 * @param statement one plain sentence worded as a screening indicator, e.g. "Shorter stance on the left
 *                  side is consistent with an antalgic pattern; this is a screening indicator, not a diagnosis."
 * @param evidence  the numbers behind it, e.g. "Stance time L 0.61 s vs R 0.70 s (SI 13.7 %, threshold 5 %)"
 */
public record IndicatorItem(String pattern, IndicatorStatus status, Side side, String statement,
                            List<String> evidence) {
    public IndicatorItem {
        Checks.requireText(pattern, "pattern");
        Objects.requireNonNull(status, "status");
        Checks.requireText(statement, "statement");
        evidence = Checks.list(evidence, "evidence");
    }
}
