package org.gaitlens.assess.indicator;

import java.util.List;
import java.util.Optional;
import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.Pattern;
import org.gaitlens.assess.Strength;
import org.gaitlens.core.Side;

/**
 * How a pattern's primary and supporting signs give its strength: the primary sign and at least one supporting
 * sign on the same side, likely; the primary sign alone, possible; without the primary sign, at least
 * {@code supportingAlone} supporting signs on one side, possible; else none.
 */
final class SignCombination {

    /** For rules where supporting signs alone raise nothing. */
    static final int NEVER = Integer.MAX_VALUE;

    private SignCombination() {
    }

    static Indicator indicator(Pattern p, Optional<Side> primary, List<Optional<Side>> supporting,
            int supportingAlone, Evidence ev) {
        if (primary.isPresent()) {
            long same = supporting.stream().filter(s -> s.equals(primary)).count();
            return Indicator.of(p, primary.get(), same >= 1 ? Strength.LIKELY : Strength.POSSIBLE, ev.sentences(),
                    null);
        }
        for (Side side : Side.values()) {
            long count = supporting.stream().filter(s -> s.isPresent() && s.get() == side).count();
            if (count >= supportingAlone) {
                return Indicator.of(p, side, Strength.POSSIBLE, ev.sentences(), null);
            }
        }
        return Indicator.of(p, null, Strength.NONE, ev.sentences(), null);
    }
}
