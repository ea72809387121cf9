package org.gaitlens.report;

import java.util.List;

/**
 * A healthy range behind a trend chart, per session: drawn as a grey band through the sessions that have it.
 *
 * @param low   lower edge per session in the comparison's order, {@code null} where a session has none
 * @param high  upper edge per session, {@code null} exactly where {@code low} is
 * @param label what the band is, for the legend, e.g. "Healthy range (to the 95th percentile)"
 */
public record TrendBand(List<Double> low, List<Double> high, String label) {
    public TrendBand {
        low = Checks.nullableList(low);
        high = Checks.nullableList(high);
        Checks.requireIntervals(low, high, "healthy band");
        Checks.requireText(label, "label");
    }
}
