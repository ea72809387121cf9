package org.gaitlens.reporting;

import java.util.List;
import java.util.Optional;
import org.gaitlens.assess.CurveJoint;
import org.gaitlens.core.Decimals;
import org.gaitlens.metric.Metric;
import org.gaitlens.reference.CurveBand;
import org.gaitlens.reference.GaitVariable;
import org.gaitlens.reference.ValueStats;
import org.gaitlens.report.MetricRow;
import org.gaitlens.report.NormativeValue;
import org.gaitlens.report.ReferenceBand;

/**
 * What the reports draw and tabulate of a session's matched healthy band ({@link HealthyComparison}): the grey
 * mean ± 1 SD band of a joint's curve, and a metric's healthy mean and SD looked up through the metric table
 * ({@link Metric#normativeKey()}: the group's key values, then its walking statistics), and the table note that
 * says so.
 */
final class HealthyReferences {

    private HealthyReferences() {
    }

    /** The healthy variable of a curve joint; empty for the trunk, which the dataset does not hold. */
    static Optional<GaitVariable> variable(CurveJoint joint) {
        return switch (joint) {
            case HIP -> Optional.of(GaitVariable.HIP);
            case KNEE -> Optional.of(GaitVariable.KNEE);
            case ANKLE -> Optional.of(GaitVariable.ANKLE);
            case TRUNK -> Optional.empty();
        };
    }

    /**
     * The healthy band of a joint's curve, mean ± 1 SD at every cycle percent, with its source for the caption;
     * {@code null} without a comparison or for a joint the dataset does not hold.
     */
    static ReferenceBand band(HealthyComparison h, CurveJoint joint) {
        if (h == null) {
            return null;
        }
        return variable(joint).map(v -> {
            CurveBand b = h.group().curve(v);
            double[] mean = b.meanDeg();
            double[] sd = b.sdDeg();
            double[] lo = new double[mean.length];
            double[] hi = new double[mean.length];
            for (int i = 0; i < mean.length; i++) {
                lo[i] = mean[i] - sd[i];
                hi[i] = mean[i] + sd[i];
            }
            return new ReferenceBand(lo, hi, "mean ± 1 SD of healthy adults, " + h.bandLabel() + "; "
                    + h.attribution());
        }).orElse(null);
    }

    /** A metric's healthy mean and SD in the session's band; empty without a comparison or where the dataset lacks it. */
    static Optional<NormativeValue> normative(HealthyComparison h, Metric m) {
        if (h == null) {
            return Optional.empty();
        }
        return m.normativeKey().map(k -> {
            ValueStats s = h.group().keyValues().get(k);
            return s != null ? s : h.group().walking(k);
        }).filter(s -> s.n() >= 2 && s.sd() > 0)
                .map(s -> new NormativeValue(s.mean(), s.sd(), s.n(), h.dataset() + ", " + h.bandLabel()));
    }

    /**
     * " Reference where a z is given: healthy adults of ... (mean ± SD); z = ...", or "" when no row has a dataset
     * reference; {@code more} is appended (the kinematic table's word on plantarflexion at toe off).
     */
    static String note(List<MetricRow> rows, HealthyComparison h, String more) {
        if (h == null || rows.stream().noneMatch(r -> r.normative() != null)) {
            return "";
        }
        return " Reference where a z is given: healthy adults of " + h.dataset() + " walking at the matched speed ("
                + h.bandLabel() + "), mean ± SD; z = (value − healthy mean) / healthy SD, marked beyond ±"
                + Decimals.format(MetricRow.Z_LIMIT, 0) + ". Other rows: a single textbook range (sources below)."
                + more;
    }
}
