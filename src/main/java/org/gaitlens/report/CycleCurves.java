package org.gaitlens.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Drawing over the normalised gait cycle (x = 0..100 %), shared by {@link CurveChart} and {@link OverlayChart}:
 * the healthy reference band, a side's mean curve with its SD band (broken at gaps), the y range and the cycle
 * axes.
 */
final class CycleCurves {
    private CycleCurves() {
    }

    /** Adds the grey reference band if there is one; returns its edges for the y range (none without a band). */
    static List<double[]> addReference(XYChart chart, ReferenceBand reference) {
        if (reference == null) {
            return List.of();
        }
        addBand(chart, "Healthy reference", 0, reference.lower(), reference.upper(), reference.lower().length,
                ReportTheme.REFERENCE);
        return List.of(reference.lower(), reference.upper());
    }

    /**
     * Adds a side's mean line in the side's colour, solid with its ±1 SD band (if {@code band}) or dashed and a
     * little translucent (if {@code dashed}); returns the arrays spanned, for the y range. A curve with gaps
     * ({@code NaN} means, {@link SideCurve}) is drawn as one line and band per unbroken stretch; only the first
     * stretch is in the legend.
     */
    static List<double[]> addCurve(XYChart chart, Color c, String name, SideCurve curve, boolean band,
                                   boolean dashed) {
        double[] mean = curve.mean();
        double[] sd = curve.sd();
        double[] lo = new double[mean.length];
        double[] hi = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            lo[i] = mean[i] - sd[i];
            hi[i] = mean[i] + sd[i];
        }
        List<int[]> runs = finiteRuns(mean);
        for (int r = 0; r < runs.size(); r++) {
            int from = runs.get(r)[0];
            int to = runs.get(r)[1];
            String part = r == 0 ? name : name + " (part " + (r + 1) + ")";
            if (band) {
                addBand(chart, part + " ±1 SD", from, Arrays.copyOfRange(lo, from, to),
                        Arrays.copyOfRange(hi, from, to), mean.length, ReportTheme.withAlpha(c, 55));
            }
            double[] x = new double[to - from];
            for (int i = 0; i < x.length; i++) {
                x[i] = (from + i) * 100.0 / (mean.length - 1);
            }
            XYSeries s = chart.addSeries(part, x, Arrays.copyOfRange(mean, from, to));
            s.setMarker(to - from == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE); // a lone point needs a mark
            s.setMarkerColor(c);
            s.setLineColor(dashed ? ReportTheme.withAlpha(c, 170) : c);
            s.setLineStyle(dashed ? SeriesStyle.dashed(1.6f, 5f, 3f) : new BasicStroke(2f));
            s.setShowInLegend(r == 0);
        }
        return band ? List.of(lo, hi) : List.of(mean);
    }

    /** Index ranges [from, to) of the unbroken stretches of finite values. */
    static List<int[]> finiteRuns(double[] v) {
        List<int[]> runs = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= v.length; i++) {
            boolean ok = i < v.length && Double.isFinite(v[i]);
            if (ok && start < 0) {
                start = i;
            } else if (!ok && start >= 0) {
                runs.add(new int[] {start, i});
                start = -1;
            }
        }
        return runs;
    }

    /** The finite values' range padded by 6 % (0..1 when there are none). */
    static double[] yRange(List<double[]> arrays) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!Double.isFinite(min)) {
            return new double[] {0, 1};
        }
        double pad = Math.max(1e-6, (max - min) * 0.06);
        return new double[] {min - pad, max + pad};
    }

    /** x from 0 to 100 % with round ticks, y over {@code yr}. */
    static void finishAxes(XYChart chart, double[] yr) {
        // When every x value is an integer (0, 1, ..., 100 here), XChart 3.8 puts a tick at every integer
        // that fits (0, 7, 14, ...); an invisible series at non-integer x restores round ticks (0, 50, 100).
        XYSeries spacer = chart.addSeries("x axis spacer", new double[] {0.5, 99.5}, new double[] {yr[0], yr[0]});
        spacer.setLineColor(SeriesStyle.TRANSPARENT);
        spacer.setMarker(SeriesMarkers.NONE);
        spacer.setShowInLegend(false);
        XYStyler st = chart.getStyler();
        st.setXAxisMin(0.0);
        st.setXAxisMax(100.0);
        st.setYAxisMin(yr[0]);
        st.setYAxisMax(yr[1]);
        st.setXAxisDecimalPattern("0");
    }

    /** A band over cycle points {@code from .. from + lower.length - 1} of a {@code points}-point cycle. */
    private static void addBand(XYChart chart, String name, int from, double[] lower, double[] upper, int points,
                                Color fill) {
        int n = lower.length;
        double[] x = new double[2 * n];
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            x[i] = (from + i) * 100.0 / (points - 1);
            y[i] = upper[i];
            x[2 * n - 1 - i] = x[i];
            y[2 * n - 1 - i] = lower[i];
        }
        XYSeries s = chart.addSeries(name, x, y);
        SeriesStyle.band(s, fill);
        s.setShowInLegend(false);
    }
}
