package org.gaitlens.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.assess.Assessment;
import org.gaitlens.assess.CurveJoint;
import org.gaitlens.assess.CurveSummary;
import org.gaitlens.assess.WaveformAsymmetry;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Side;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitEventType;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.CurveChartData;
import org.gaitlens.report.GaitPhase;
import org.gaitlens.report.PhaseDiagramData;
import org.gaitlens.report.PhaseInterval;
import org.gaitlens.report.SideCurve;
import org.gaitlens.report.StridePoint;
import org.gaitlens.report.StrideSeries;

/**
 * The chart data of a session report, from one session's {@link ReportInput}: the assessment's mean joint-angle
 * curves per side (toe off at the side's mean stance %), the stance / swing phase bars from the events, and the
 * per-stride series of stride time, stance % and step length (in metres, else in leg lengths), labelled and
 * with units from the metric table. Hip, knee and ankle curves carry the matched healthy band
 * ({@link HealthyReferences#band}); the trunk has none (the healthy dataset holds no trunk angle).
 */
final class SessionChartData {

    private SessionChartData() {
    }

    /** The curves without a healthy band. */
    static List<CurveChartData> curves(Assessment a) {
        return curves(a, null);
    }

    /** The curves with the session's healthy bands ({@code healthy} may be {@code null}: no bands). */
    static List<CurveChartData> curves(Assessment a, HealthyComparison healthy) {
        List<CurveChartData> out = new ArrayList<>();
        for (WaveformAsymmetry w : a.waveforms()) {
            Map<Side, SideCurve> sides = new EnumMap<>(Side.class);
            for (Side side : Side.values()) {
                CurveSummary c = side == Side.LEFT ? w.left() : w.right();
                if (c == null || c.strides() < 1 || Arrays.stream(c.meanDeg()).noneMatch(Double::isFinite)) {
                    continue;
                }
                double[] sd = new double[c.sdDeg().length];
                for (int i = 0; i < sd.length; i++) {
                    sd[i] = Double.isFinite(c.sdDeg()[i]) || !Double.isFinite(c.meanDeg()[i]) ? c.sdDeg()[i] : 0;
                }
                Double toeOff = a.metric(Metric.STANCE_PCT)
                        .map(ms -> SessionReportBuilder.mean(ms.perSide().get(side)))
                        .filter(v -> v >= 0 && v <= 100).orElse(null);
                sides.put(side, new SideCurve(c.meanDeg(), sd, c.strides(), toeOff));
            }
            if (!sides.isEmpty()) {
                out.add(new CurveChartData(jointName(w.joint()), angleName(w.joint()), "deg", sides,
                        HealthyReferences.band(healthy, w.joint())));
            }
        }
        return out;
    }

    static String jointName(CurveJoint j) {
        return switch (j) {
            case HIP -> "Hip";
            case KNEE -> "Knee";
            case ANKLE -> "Ankle";
            case TRUNK -> "Trunk";
        };
    }

    static String angleName(CurveJoint j) {
        return switch (j) {
            case HIP -> "thigh flexion (+) / extension (−) from vertical";
            case KNEE -> "flexion (+) / hyperextension (−)";
            case ANKLE -> "dorsiflexion (+) / plantarflexion (−)";
            case TRUNK -> "forward lean (+) from vertical";
        };
    }

    /** Stance (contact to toe off) and swing (toe off to contact) bars per side, within each walking pass. */
    static PhaseDiagramData phases(List<GaitEvent> events) {
        if (events.isEmpty()) {
            return null;
        }
        Map<Side, List<PhaseInterval>> out = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            List<GaitEvent> e = events.stream().filter(x -> x.side() == side)
                    .sorted(Comparator.comparingDouble(GaitEvent::timeS)).toList();
            List<PhaseInterval> list = new ArrayList<>();
            for (int i = 0; i + 1 < e.size(); i++) {
                GaitEvent from = e.get(i);
                GaitEvent to = e.get(i + 1);
                if (from.passIndex() != to.passIndex() || from.type() == to.type() || !(to.timeS() > from.timeS())) {
                    continue;
                }
                GaitPhase phase = from.type() == GaitEventType.INITIAL_CONTACT ? GaitPhase.STANCE : GaitPhase.SWING;
                list.add(new PhaseInterval(phase, Decimals.round(from.timeS(), 4), Decimals.round(to.timeS(), 4)));
            }
            out.put(side, list);
        }
        return new PhaseDiagramData(out);
    }

    static List<StrideSeries> strideSeries(ReportInput in) {
        List<StrideSeries> out = new ArrayList<>();
        series(in, Metric.STRIDE_TIME_S).ifPresent(out::add);
        series(in, Metric.STANCE_PCT).ifPresent(out::add);
        series(in, Metric.STEP_LENGTH_M).or(() -> series(in, Metric.STEP_LENGTH_LEG)).ifPresent(out::add);
        return out;
    }

    private static Optional<StrideSeries> series(ReportInput in, Metric m) {
        Map<Side, List<StridePoint>> points = new EnumMap<>(Side.class);
        int n = 0;
        for (Side side : Side.values()) {
            List<StridePoint> list = new ArrayList<>();
            for (ReportInput.StrideValues s : in.strides(side)) {
                double v = s.value(m.key());
                if (Double.isFinite(v)) {
                    list.add(new StridePoint(Decimals.round(s.contactS(), 4), v));
                }
            }
            n += list.size();
            points.put(side, list);
        }
        return n == 0 ? Optional.empty() : Optional.of(new StrideSeries(m.label(), m.unit(), points));
    }
}
