package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.metric.ChangeAnchor;
import org.gaitlens.metric.Metric;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.HealthyStats;
import org.gaitlens.report.ChangeRow;
import org.gaitlens.report.ComparisonThreshold;
import org.gaitlens.report.DeviationTrend;
import org.gaitlens.report.SessionDeviation;
import org.gaitlens.report.TrendBand;
import org.gaitlens.report.TrendLine;
import org.gaitlens.report.TrendSeries;
import org.gaitlens.reporting.ComparisonReportBuilder.Session;

/**
 * The deviation from healthy walking in a comparison: GPS-2D per session with its 95 % CI and band
 * ({@link DeviationTrend}), its change row and its trend chart.
 *
 * <p><b>Change row.</b> Values: the overall GPS-2D of each session that has one. Direction: lower is better
 * ({@link Metric#GPS2D_DEG}). Threshold: the product's one rule ({@link ComparisonThreshold#largest}) with the metric
 * table's data-derived change threshold ({@link Metric#changeAnchor()}: 2.06 deg, the 95th percentile of a healthy
 * subject's walk-to-walk GPS-2D change in the reference data) in place of a published one, and the sampling term from
 * the sessions' bootstrap intervals (SE taken as the 95 % CI's width / (2 x 1.96)); no pass-to-pass term (a score
 * needs all strides). The 3D GPS's minimal clinically important difference is not used: it does not carry over to
 * GPS-2D. The verdict is {@link org.gaitlens.report.ChangeVerdict#judge}, as for every row.
 *
 * <p>Sessions scored against different speed bands are compared as they are (each score against its own band, as
 * the threshold was derived); the per-session table names each band.
 */
final class ComparisonDeviations {
    /** Key of the change row among the comparison's rows. */
    static final String KEY = Metric.GPS2D_DEG.key();
    /**
     * Decimals of the change row: one more than the metric table's, so that the data-derived threshold reads as
     * derived (2.06 deg, not 2.1) and a change is shown as precisely as it is judged.
     */
    static final int ROW_DECIMALS = 2;

    private ComparisonDeviations() {
    }

    /** The per-session entries, or {@code null} when no session has a comparison with healthy walking. */
    static DeviationTrend trend(List<Session> sessions) {
        HealthyComparison any = sessions.stream().map(s -> s.input().deviation()).filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (any == null) {
            return null;
        }
        List<SessionDeviation> out = new ArrayList<>();
        for (Session s : sessions) {
            HealthyComparison h = s.input().deviation();
            if (h == null) {
                out.add(SessionDeviation.NONE);
                continue;
            }
            GaitProfileScore.Scores sc = h.scores();
            HealthyStats healthy = h.group().healthy().gps2d();
            out.add(new SessionDeviation(value(sc.overall().valueDeg()), value(sc.overall().ciLowDeg()),
                    value(sc.overall().ciHighDeg()), value(sc.sideGps().get(Side.LEFT).valueDeg()),
                    value(sc.sideGps().get(Side.RIGHT).valueDeg()), h.bandLabel(), healthy.mean(), healthy.p95()));
        }
        String caveat = "GPS-2D: sagittal 2D Gait Profile Score against healthy walkers at each session's matched "
                + "speed; not comparable with the 3D Gait Profile Score, whose published thresholds do not apply. "
                + "A change counts when it exceeds " + Decimals.format(anchor().minChange(), 2) + " deg"
                + " (" + anchor().source() + ") or the sessions' sampling error, whichever is larger.";
        return new DeviationTrend(out, caveat, any.attribution());
    }

    /** The change row of the overall GPS-2D, when a session has one. */
    static Optional<ChangeRow> row(List<Session> sessions) {
        List<Double> values = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Session s : sessions) {
            HealthyComparison h = s.input().deviation();
            GaitProfileScore.Estimate e = h == null ? null : h.scores().overall();
            values.add(e == null ? null : value(e.valueDeg()));
            if (e != null && Double.isFinite(e.ciLowDeg()) && Double.isFinite(e.valueDeg())) {
                errors.add((e.ciHighDeg() - e.ciLowDeg()) / (2 * ComparisonThreshold.Z95));
            }
        }
        if (values.stream().allMatch(Objects::isNull)) {
            return Optional.empty();
        }
        Metric m = Metric.GPS2D_DEG;
        ComparisonThreshold t = ComparisonThreshold.largest(Optional.of(new ComparisonThreshold(
                anchor().minChange(), anchor().source())), List.of(), errors).orElseThrow();
        return Optional.of(ChangeRow.compute(m.label(), m.unit(), ROW_DECIMALS, m.improvement(),
                Decimals.round(t.value(), ROW_DECIMALS), t.source(), values));
    }

    /** The trend chart: overall GPS-2D with its intervals over the healthy range of each session's band. */
    static Optional<TrendSeries> trendSeries(ChangeRow row, DeviationTrend trend) {
        if (row == null || trend == null || row.values().stream().filter(Objects::nonNull).count() < 2) {
            return Optional.empty(); // one point shows no trend
        }
        List<Double> low = new ArrayList<>();
        List<Double> high = new ArrayList<>();
        List<Double> bandLow = new ArrayList<>();
        List<Double> bandHigh = new ArrayList<>();
        for (SessionDeviation d : trend.sessions()) {
            boolean ci = d.gps2dDeg() != null && d.ciLowDeg() != null;
            low.add(ci ? d.ciLowDeg() : null);
            high.add(ci ? d.ciHighDeg() : null);
            bandLow.add(d.healthyP95Deg() == null ? null : 0.0);
            bandHigh.add(d.healthyP95Deg());
        }
        boolean anyCi = low.stream().anyMatch(Objects::nonNull);
        TrendLine line = new TrendLine(row.label(), null, row.values(), anyCi ? low : List.of(),
                anyCi ? high : List.of());
        return Optional.of(new TrendSeries(row.label(), row.unit(), List.of(line),
                new TrendBand(bandLow, bandHigh, "Healthy range (to the 95th percentile)")));
    }

    private static ChangeAnchor anchor() {
        return Metric.GPS2D_DEG.changeAnchor();
    }

    private static Double value(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
