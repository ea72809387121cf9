package org.gaitlens.assess;

import java.util.List;
import org.gaitlens.core.Side;

/**
 * The overall left/right symmetry of the session, computed by {@link SymmetryRating}.
 *
 * @param level        overall level
 * @param affectedSide the side the asymmetry points to, or {@code null} when none or not determinable
 * @param reasons      sentences with the numbers behind the level and the side
 */
public record SymmetryVerdict(Level level, Side affectedSide, List<String> reasons) {

    public SymmetryVerdict {
        reasons = List.copyOf(reasons);
    }

    /** Overall symmetry level. */
    public enum Level {
        /** Fewer than 3 strides per side for every metric the rating uses. */
        INSUFFICIENT_DATA,
        /** No side difference beyond healthy limits. */
        SYMMETRIC,
        /** At least one difference beyond the healthy limit, none beyond twice that. */
        MILDLY_ASYMMETRIC,
        /** At least one difference beyond twice the healthy limit. */
        MARKEDLY_ASYMMETRIC
    }
}
