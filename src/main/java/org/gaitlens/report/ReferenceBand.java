package org.gaitlens.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * A healthy reference band over the normalised gait cycle (101 points, 0..100 %).
 *
 * @param lower  lower edge per point
 * @param upper  upper edge per point (>= lower)
 * @param source citation of the normative data, e.g. "Fukuchi et al. 2018, healthy adults, mean ± 1 SD"
 */
public record ReferenceBand(double[] lower, double[] upper, String source) {
    public ReferenceBand {
        lower = Checks.curve(lower, "lower", false);
        upper = Checks.curve(upper, "upper", false);
        for (int i = 0; i < lower.length; i++) {
            if (upper[i] < lower[i]) {
                throw new IllegalArgumentException("upper[" + i + "] must be >= lower[" + i + "], were "
                        + upper[i] + " and " + lower[i]);
            }
        }
        source = Checks.requireText(source, "source");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceBand b && Arrays.equals(lower, b.lower) && Arrays.equals(upper, b.upper)
                && source.equals(b.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(lower), Arrays.hashCode(upper), source);
    }

    @Override
    public String toString() {
        return "ReferenceBand[source=" + source + "]";
    }
}
