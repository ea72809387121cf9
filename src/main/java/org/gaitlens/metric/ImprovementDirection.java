package org.gaitlens.metric;

/**
 * Which way a change of a quantity counts as improvement between sessions: a metric's
 * {@link Metric#improvement()}, and the resolved direction of a comparison row. {@link #TOWARD_RANGE} is a
 * metric's rule, not a direction: a comparison resolves it to one of the other three from where the first
 * value lies ({@code reporting.ComparisonReportBuilder}) before judging a change.
 */
public enum ImprovementDirection {
    /** Larger is better (gait speed, step length, foot clearance). */
    HIGHER_IS_BETTER("higher is better"),
    /** Smaller is better (double support time). */
    LOWER_IS_BETTER("lower is better"),
    /** Smaller magnitude is better (signed asymmetry indices such as SI, trunk lateral shift). */
    CLOSER_TO_ZERO("closer to 0 is better"),
    /** Closer to the healthy reference range is better; inside the range no direction is better. */
    TOWARD_RANGE("toward the healthy range is better");

    private final String label;

    ImprovementDirection(String label) {
        this.label = label;
    }

    /** Plain label for reports. */
    public String label() {
        return label;
    }

    /** Whether this is a direction a change can be judged by ({@link #gain} is defined). */
    public boolean resolved() {
        return this != TOWARD_RANGE;
    }

    /**
     * How much {@code to} is better than {@code from} along this direction (positive = better), in the
     * quantity's unit.
     *
     * @throws IllegalStateException for {@link #TOWARD_RANGE}, which needs a range and is resolved first
     */
    public double gain(double from, double to) {
        return switch (this) {
            case HIGHER_IS_BETTER -> to - from;
            case LOWER_IS_BETTER -> from - to;
            case CLOSER_TO_ZERO -> Math.abs(from) - Math.abs(to);
            case TOWARD_RANGE -> throw new IllegalStateException(
                    "TOWARD_RANGE has no gain: resolve it to a direction from the reference range first");
        };
    }
}
