package org.gaitlens.motion;

import uk.me.berndporr.iirj.Butterworth;

/**
 * Zero-lag Butterworth low-pass filter, applied forward and then backward on each unbroken stretch of a
 * signal ({@code filtfilt}).
 *
 * <p>Each pass is a digital Butterworth low-pass of order {@code order} designed by the bilinear transform
 * with pre-warping (iirj, B. Porr), whose magnitude response is
 * {@code |H(f)|^2 = 1 / (1 + (tan(pi f / fs) / tan(pi fc / fs))^(2 order))}. Running it forward and backward
 * cancels the phase, so the combined response is real: {@code G(f) = |H(f)|^2}, of effective order
 * {@code 2 order} and gain 1/2 (-6 dB) at {@code fc}. The cutoff is <em>not</em> corrected for the double pass
 * (Winter's correction factor is not applied): {@code cutoffHz} is the -3 dB frequency of one pass.
 *
 * <p>Missing samples ({@code NaN}) split the signal into stretches; each stretch is filtered on its own and
 * gaps stay gaps. Edge transients are reduced as in {@code scipy.signal.filtfilt}: each stretch is extended at
 * both ends by an odd reflection about its end sample ({@code 2 v_0 - v_k}) of
 * {@code padLen = min(n - 1, max(3 (order + 1), round(3 fs / fc)))} samples (three cutoff periods, over which
 * the start-up transient of a ramp decays below 1e-5 of its slope per sample), and before each pass the filter
 * state is set to its steady state for the first input value (by running that value through it until the
 * output settles). Stretches shorter than {@link #minStretchSamples()} ({@code 3 (order + 1)}, the scipy
 * minimum for one biquad pair) are left unfiltered and counted by the caller.
 *
 * <p>Reference: Winter D.A. (2009) Biomechanics and Motor Control of Human Movement, 4th ed., Wiley,
 * ch. 3.4 (digital filtering of kinematic data, ~6 Hz for walking), doi:10.1002/9780470549148; Butterworth S.
 * (1930) On the theory of filter amplifiers. Wireless Engineer 7:536-541.
 */
public final class ButterworthLowPass {
    private static final int SETTLE_SAMPLES = 4096;

    private final double cutoffHz;
    private final int order;

    /**
     * @param cutoffHz -3 dB frequency of one pass, in Hz, {@code > 0}
     * @param order    order of one pass (2 gives an effective 4th-order zero-lag filter), 1 to 8
     */
    public ButterworthLowPass(double cutoffHz, int order) {
        if (!(cutoffHz > 0)) {
            throw new IllegalArgumentException("cutoffHz must be > 0, was " + cutoffHz);
        }
        if (order < 1 || order > 8) {
            throw new IllegalArgumentException("order must be in 1..8, was " + order);
        }
        this.cutoffHz = cutoffHz;
        this.order = order;
    }

    /** Shortest stretch (samples) that is filtered; shorter ones are left as they are. */
    public int minStretchSamples() {
        return 3 * (order + 1);
    }

    /** The analytic gain of the forward-backward filter at {@code fHz}: {@code 1 / (1 + r^(2 order))}. */
    public double zeroLagGain(double fHz, double sampleRateHz) {
        double r = Math.tan(Math.PI * fHz / sampleRateHz) / Math.tan(Math.PI * cutoffHz / sampleRateHz);
        return 1.0 / (1.0 + Math.pow(r, 2.0 * order));
    }

    /**
     * Filters {@code v} in place, stretch by stretch.
     *
     * @param v            uniformly sampled values, {@code NaN} = missing
     * @param sampleRateHz sampling rate in Hz; must exceed {@code 2 cutoffHz}
     * @return the number of valid samples left unfiltered because their stretch was too short
     * @throws IllegalArgumentException if the cutoff is not below the Nyquist frequency
     */
    public int filter(double[] v, double sampleRateHz) {
        if (!(cutoffHz < sampleRateHz / 2)) {
            throw new IllegalArgumentException("cutoffHz " + cutoffHz + " must be below the Nyquist frequency "
                    + sampleRateHz / 2 + " Hz");
        }
        int unfiltered = 0;
        int n = v.length;
        int i = 0;
        while (i < n) {
            if (Double.isNaN(v[i])) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && !Double.isNaN(v[j])) {
                j++;
            }
            int len = j - i;
            if (len < minStretchSamples()) {
                unfiltered += len;
            } else {
                filterStretch(v, i, len, sampleRateHz);
            }
            i = j;
        }
        return unfiltered;
    }

    private void filterStretch(double[] v, int from, int len, double fs) {
        int pad = (int) Math.min(len - 1, Math.max(3 * (order + 1), Math.round(3 * fs / cutoffHz)));
        double[] x = new double[len + 2 * pad];
        double first = v[from];
        double last = v[from + len - 1];
        for (int k = 0; k < pad; k++) {
            x[k] = 2 * first - v[from + pad - k];
            x[pad + len + k] = 2 * last - v[from + len - 2 - k];
        }
        System.arraycopy(v, from, x, pad, len);
        onePass(x, fs);
        reverse(x);
        onePass(x, fs);
        reverse(x);
        System.arraycopy(x, pad, v, from, len);
    }

    private void onePass(double[] x, double fs) {
        Butterworth b = new Butterworth();
        b.lowPass(order, fs, cutoffHz);
        // steady state for a constant input equal to the first sample (DC gain is 1)
        for (int k = 0; k < SETTLE_SAMPLES; k++) {
            b.filter(x[0]);
        }
        for (int k = 0; k < x.length; k++) {
            x[k] = b.filter(x[k]);
        }
    }

    private static void reverse(double[] x) {
        for (int a = 0, z = x.length - 1; a < z; a++, z--) {
            double t = x[a];
            x[a] = x[z];
            x[z] = t;
        }
    }
}
