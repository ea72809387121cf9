package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.GaitVariable;
import org.gaitlens.reference.HealthyScores;
import org.gaitlens.reference.HealthyStats;
import org.gaitlens.report.DeviationSection;
import org.gaitlens.report.MapItem;

/**
 * The "Deviation from healthy walking" section of a session report from the session's {@link HealthyComparison}:
 * what a clinician reads first of a normative comparison, in plain words.
 *
 * <ul>
 *   <li>Headline: the overall GPS-2D with its 95 % CI against the healthy walkers of the band ("healthy: mean, 95th
 *       percentile"); the healthy range is taken as up to the 95th percentile, and a CI that crosses it is
 *       said.</li>
 *   <li>Per side: each side's GPS-2D with its CI against the healthy per-side scores.</li>
 *   <li>The joint that deviates most: the GVS largest relative to the healthy 95th percentile of its own joint
 *       (the knee varies most among healthy walkers, so the largest GVS in degrees is often a healthy knee), with
 *       every other GVS above its healthy 95th percentile named too.</li>
 *   <li>Left vs right: which side deviates more when the two sides' 95 % CIs do not overlap (a conservative test:
 *       non-overlapping 95 % intervals imply a difference at well below 5 %); alike when they overlap; not judged
 *       without intervals.</li>
 *   <li>The band and why it was chosen ({@code BandSelector}), what GPS-2D is not, the attribution the data's
 *       licence asks for, and why a score is missing.</li>
 * </ul>
 * Numbers are in degrees with one decimal; the profile's values are rounded to 0.01 deg.
 */
final class DeviationSections {
    private static final int DECIMALS = 1;

    private DeviationSections() {
    }

    static DeviationSection of(HealthyComparison h) {
        GaitProfileScore.Scores s = h.scores();
        HealthyScores healthy = h.group().healthy();
        List<String> findings = new ArrayList<>();
        findings.add(sides(s, healthy.gps2dSide()));
        joints(s, healthy).ifPresent(findings::add);
        leftRight(s).ifPresent(findings::add);
        String band = "Healthy band: " + h.dataset() + ", " + h.bandLabel() + ". Why this band: "
                + h.band().why().replace("+-", "±") + ".";
        String caveat = "GPS-2D is a two-dimensional sagittal score (hip as thigh from vertical, knee and ankle, from "
                + "a side video; after Baker et al. 2009): it is not comparable with the 3D Gait Profile Score of a "
                + "gait laboratory, and the 3D score's published thresholds do not apply to it. Filmed by video, "
                + "healthy walkers score higher than the laboratory subjects of the band (3 to 8 deg in gaitlens' "
                + "validation), so a score near the 95th percentile is compatible with healthy walking; the score "
                + "is most useful to follow one patient over sessions.";
        String source = "Reference data: " + h.citation() + "; data " + h.dataCitation() + "; licence " + h.licence()
                + ". Scores: Baker et al. 2009, Gait Posture 30:265-269, doi:10.1016/j.gaitpost.2009.05.020.";
        return new DeviationSection(headline(s.overall(), healthy.gps2d()), findings, band, caveat, source, s.notes(),
                profile(s, healthy));
    }

    static String headline(GaitProfileScore.Estimate e, HealthyStats healthy) {
        String ref = "healthy walkers at this speed: mean " + deg(healthy.mean()) + ", 95th percentile "
                + deg(healthy.p95());
        if (Double.isNaN(e.valueDeg())) {
            return "GPS-2D could not be computed for this session (see the notes below); " + ref + ".";
        }
        double v = e.valueDeg();
        boolean ci = !Double.isNaN(e.ciLowDeg());
        String where;
        if (v > healthy.p95()) {
            where = "above the healthy range" + (ci && e.ciLowDeg() <= healthy.p95()
                    ? ", though its 95 % CI reaches into it" : "");
        } else {
            where = "within the healthy range" + (ci && e.ciHighDeg() > healthy.p95()
                    ? ", though its 95 % CI reaches above it" : "");
        }
        return "GPS-2D " + deg(v) + interval(e) + ": " + where + " (" + ref + ").";
    }

    private static String sides(GaitProfileScore.Scores s, HealthyStats healthy) {
        List<String> parts = new ArrayList<>();
        for (Side side : Side.values()) {
            GaitProfileScore.Estimate e = s.sideGps().get(side);
            parts.add(name(side) + " " + (Double.isNaN(e.valueDeg()) ? "not computed" : deg(e.valueDeg()) + interval(e)));
        }
        return "GPS-2D per side: " + String.join("; ", parts) + " (healthy per side: mean " + deg(healthy.mean())
                + ", 95th percentile " + deg(healthy.p95()) + ").";
    }

    /** The joint that deviates most relative to its healthy 95th percentile, and any other above it. */
    static Optional<String> joints(GaitProfileScore.Scores s, HealthyScores healthy) {
        Side bestSide = null;
        GaitVariable best = null;
        double bestRatio = Double.NEGATIVE_INFINITY;
        List<String> above = new ArrayList<>();
        for (GaitVariable v : GaitVariable.values()) {
            for (Side side : Side.values()) {
                double g = s.gvs(side, v);
                if (Double.isNaN(g)) {
                    continue;
                }
                double p95 = healthy.gvs().get(v).p95();
                double ratio = g / p95;
                if (ratio > bestRatio) {
                    if (best != null && bestRatio > 1) {
                        above.add(joint(bestSide, best) + " " + gvsText(s, healthy, bestSide, best));
                    }
                    bestRatio = ratio;
                    best = v;
                    bestSide = side;
                } else if (ratio > 1) {
                    above.add(joint(side, v) + " " + gvsText(s, healthy, side, v));
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        if (bestRatio <= 1) {
            return Optional.of("Every joint's GVS is within the healthy 95th percentile of that joint; the "
                    + "closest to it is the " + joint(bestSide, best) + " (" + gvsText(s, healthy, bestSide, best)
                    + ").");
        }
        return Optional.of("Relative to healthy walkers the " + joint(bestSide, best) + " deviates most: "
                + gvsText(s, healthy, bestSide, best) + "."
                + (above.isEmpty() ? "" : " Also above the healthy 95th percentile: " + String.join("; ", above) + "."));
    }

    /** "GVS 7.8 deg against a healthy 95th percentile of 5.9 deg"; two decimals where one would show them equal. */
    private static String gvsText(GaitProfileScore.Scores s, HealthyScores healthy, Side side, GaitVariable v) {
        double g = s.gvs(side, v);
        double p95 = healthy.gvs().get(v).p95();
        int d = Decimals.format(g, DECIMALS).equals(Decimals.format(p95, DECIMALS)) ? DECIMALS + 1 : DECIMALS;
        return "GVS " + Decimals.format(g, d) + " deg against a healthy 95th percentile of " + Decimals.format(p95, d)
                + " deg";
    }

    /** Which side deviates more, judged by the overlap of the two sides' 95 % CIs. */
    static Optional<String> leftRight(GaitProfileScore.Scores s) {
        GaitProfileScore.Estimate l = s.sideGps().get(Side.LEFT);
        GaitProfileScore.Estimate r = s.sideGps().get(Side.RIGHT);
        if (Double.isNaN(l.valueDeg()) || Double.isNaN(r.valueDeg())) {
            return Optional.empty();
        }
        String values = " (left " + deg(l.valueDeg()) + ", right " + deg(r.valueDeg()) + ")";
        if (Double.isNaN(l.ciLowDeg()) || Double.isNaN(r.ciLowDeg())) {
            return Optional.of("Left vs right" + values + ": not judged, a side has fewer than "
                    + GaitProfileScore.MIN_STRIDES_FOR_CI + " strides for a confidence interval.");
        }
        if (l.ciHighDeg() < r.ciLowDeg() || r.ciHighDeg() < l.ciLowDeg()) {
            Side more = l.valueDeg() > r.valueDeg() ? Side.LEFT : Side.RIGHT;
            return Optional.of("Left vs right: the " + name(more).toLowerCase(Locale.ROOT)
                    + " side deviates more" + values + "; the two sides' 95 % CIs do not overlap.");
        }
        return Optional.of("Left vs right: the two sides deviate alike" + values
                + "; their 95 % CIs overlap.");
    }

    /** GVS per joint and side, then GPS-2D left, right and both, each with the healthy scores of its kind. */
    static List<MapItem> profile(GaitProfileScore.Scores s, HealthyScores healthy) {
        List<MapItem> out = new ArrayList<>();
        for (GaitVariable v : GaitVariable.values()) {
            HealthyStats hv = healthy.gvs().get(v);
            for (Side side : Side.values()) {
                out.add(new MapItem(capital(v.key()), side, round(s.gvs(side, v)), null, null, hv.mean(), hv.p95()));
            }
        }
        for (Side side : Side.values()) {
            out.add(item(side, s.sideGps().get(side), healthy.gps2dSide()));
        }
        out.add(item(null, s.overall(), healthy.gps2d()));
        return out;
    }

    private static MapItem item(Side side, GaitProfileScore.Estimate e, HealthyStats healthy) {
        return new MapItem("GPS-2D", side, round(e.valueDeg()), round(e.ciLowDeg()), round(e.ciHighDeg()),
                healthy.mean(), healthy.p95());
    }

    private static Double round(double v) {
        return Double.isFinite(v) ? Decimals.round(v, 2) : null;
    }

    private static String interval(GaitProfileScore.Estimate e) {
        return Double.isNaN(e.ciLowDeg()) ? "" : " (95 % CI " + Decimals.format(e.ciLowDeg(), DECIMALS) + "–"
                + Decimals.format(e.ciHighDeg(), DECIMALS) + ")";
    }

    private static String deg(double v) {
        return Decimals.format(v, DECIMALS) + " deg";
    }

    private static String name(Side side) {
        return side == Side.LEFT ? "Left" : "Right";
    }

    private static String joint(Side side, GaitVariable v) {
        return name(side).toLowerCase(Locale.ROOT) + " " + v.key();
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
