package org.gaitlens.report;

/** Which direction of change counts as improvement for a metric. */
public enum ImprovementDirection {
    /** Larger is better (gait speed, step length, push-off plantarflexion). */
    HIGHER_IS_BETTER("higher is better"),
    /** Smaller is better (double support time, stride-time variability, unsigned asymmetry indices). */
    LOWER_IS_BETTER("lower is better"),
    /** Smaller magnitude is better (signed asymmetry indices such as SI, trunk lateral lean). */
    CLOSER_TO_ZERO("closer to 0 is better");

    private final String label;

    ImprovementDirection(String label) {
        this.label = label;
    }

    /** Plain label for the report. */
    public String label() {
        return label;
    }

    /**
     * How much {@code to} is better than {@code from} along this direction (positive = better), in the
     * metric's unit.
     */
    public double gain(double from, double to) {
        return switch (this) {
            case HIGHER_IS_BETTER -> to - from;
            case LOWER_IS_BETTER -> from - to;
            case CLOSER_TO_ZERO -> Math.abs(from) - Math.abs(to);
        };
    }
}
