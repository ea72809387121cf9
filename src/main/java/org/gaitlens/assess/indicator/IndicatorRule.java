package org.gaitlens.assess.indicator;

import org.gaitlens.assess.Indicator;
import org.gaitlens.assess.Pattern;

/**
 * The rule for one screening pattern: reads the assessed metrics and gives the pattern's indicator, with its
 * evidence, whatever the data (not assessable with the reason when the view or the strides do not allow it).
 * Implementations are stateless apart from their parameters.
 */
public interface IndicatorRule {

    /** The pattern this rule screens for. */
    Pattern pattern();

    /** The indicator for {@link #pattern()}; never {@code null}. */
    Indicator evaluate(IndicatorInput in);
}
