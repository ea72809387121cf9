package org.gaitlens.report;

import org.gaitlens.metric.ImprovementDirection;

/** Verdict on a change between two sessions, judged against a per-metric threshold. */
public enum ChangeVerdict {
    IMPROVED("improved"),
    NO_DETECTABLE_CHANGE("no detectable change"),
    WORSENED("worsened"),
    /** One of the two sessions lacks the metric. */
    NOT_AVAILABLE("not available");

    private final String label;

    ChangeVerdict(String label) {
        this.label = label;
    }

    /** Plain label for the report. */
    public String label() {
        return label;
    }

    /**
     * Judges a change from {@code from} to {@code to}.
     *
     * <p>The change counts only when the improvement {@link ImprovementDirection#gain gain} exceeds the
     * threshold (strictly): |gain| <= threshold is "no detectable change". The threshold is the row's
     * {@link ComparisonThreshold} (published, own repeatability or sampling error, whichever is largest).
     *
     * <p>The change is judged on the gain along the direction, not on the raw change: a signed index judged
     * {@link ImprovementDirection#CLOSER_TO_ZERO} that moves from +3 to -6 % has changed by 9 points but its
     * magnitude only by 3; with a threshold of 4 that is "no detectable change", because a side swap of an
     * unchanged asymmetry (true +4.5 to -4.5 %) could give those readings within the threshold.
     *
     * @throws IllegalArgumentException if {@code threshold} is negative or not finite
     */
    public static ChangeVerdict judge(Double from, Double to, ImprovementDirection direction, double threshold) {
        if (!(threshold >= 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("threshold must be >= 0, was " + threshold);
        }
        if (from == null || to == null) {
            return NOT_AVAILABLE;
        }
        double gain = direction.gain(from, to);
        if (gain > threshold) {
            return IMPROVED;
        }
        if (gain < -threshold) {
            return WORSENED;
        }
        return NO_DETECTABLE_CHANGE;
    }
}
