package org.gaitlens.report;

/**
 * One stride's value at the time the stride started.
 *
 * @param timeS stride start (initial contact), s from the start of the video
 * @param value the metric's value for this stride
 */
public record StridePoint(double timeS, double value) {
    public StridePoint {
        Checks.requireFinite(timeS, "timeS");
        Checks.requireFinite(value, "value");
    }
}
