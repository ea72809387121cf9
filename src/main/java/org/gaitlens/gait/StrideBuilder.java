package org.gaitlens.gait;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gaitlens.core.Side;

/**
 * Pairs gait events into strides and checks them.
 *
 * <p>A stride of side S runs from an initial contact IC_S to the next IC_S in the same walking pass (events
 * never pair across passes, so no stride crosses a turn). It is accepted when, in between, the events follow
 * the normal sequence {@code IC_S < TC_o < IC_o < TC_S < IC_S'} with exactly one event of each kind (o = the
 * other side): per-side alternation of IC and TC and interleaving of the two sides. It is then checked for
 * plausibility: stride time in {@code [minStrideTimeS, maxStrideTimeS]} and stance % in
 * {@code [minStancePct, maxStancePct]}. Each failure gives one {@link Rejection} with the reason and numbers.
 * The step that ends at IC_S starts at the other foot's preceding contact IC_o,prev only when this foot's toe
 * off lies between the two ({@code IC_o,prev < TC_S < IC_S}); otherwise the stride is kept without a step
 * ({@link StrideTiming#previousOppositeContactS()} {@code NaN}).
 */
public final class StrideBuilder {
    private final double minStrideTimeS;
    private final double maxStrideTimeS;
    private final double minStancePct;
    private final double maxStancePct;

    /**
     * @param minStrideTimeS shortest plausible stride, s (default 0.6)
     * @param maxStrideTimeS longest plausible stride, s (default 2.0)
     * @param minStancePct   lowest plausible stance %, (default 45)
     * @param maxStancePct   highest plausible stance %, (default 80)
     */
    public StrideBuilder(double minStrideTimeS, double maxStrideTimeS, double minStancePct, double maxStancePct) {
        if (!(minStrideTimeS > 0 && maxStrideTimeS > minStrideTimeS)) {
            throw new IllegalArgumentException("need 0 < minStrideTimeS < maxStrideTimeS, were " + minStrideTimeS + ", "
                    + maxStrideTimeS);
        }
        if (!(minStancePct >= 0 && maxStancePct > minStancePct && maxStancePct <= 100)) {
            throw new IllegalArgumentException("need 0 <= minStancePct < maxStancePct <= 100, were " + minStancePct
                    + ", " + maxStancePct);
        }
        this.minStrideTimeS = minStrideTimeS;
        this.maxStrideTimeS = maxStrideTimeS;
        this.minStancePct = minStancePct;
        this.maxStancePct = maxStancePct;
    }

    /** Accepted strides (time order) and rejections. */
    public record Result(List<StrideTiming> strides, List<Rejection> rejections) {
        public Result {
            strides = List.copyOf(strides);
            rejections = List.copyOf(rejections);
        }
    }

    /** Builds strides from events (any order). */
    public Result build(List<GaitEvent> events) {
        List<StrideTiming> out = new ArrayList<>();
        List<Rejection> rej = new ArrayList<>();
        int maxPass = events.stream().mapToInt(GaitEvent::passIndex).max().orElse(-1);
        for (int p = 0; p <= maxPass; p++) {
            for (Side side : Side.values()) {
                List<Double> ics = times(events, p, side, GaitEventType.INITIAL_CONTACT);
                List<Double> tcs = times(events, p, side, GaitEventType.TOE_OFF);
                List<Double> oics = times(events, p, side.opposite(), GaitEventType.INITIAL_CONTACT);
                List<Double> otcs = times(events, p, side.opposite(), GaitEventType.TOE_OFF);
                for (int k = 0; k + 1 < ics.size(); k++) {
                    double a = ics.get(k);
                    double b = ics.get(k + 1);
                    List<Double> tc = between(tcs, a, b);
                    if (tc.isEmpty()) {
                        rej.add(new Rejection(side, a, p, RejectionReason.MISSING_TOE_OFF, String.format(Locale.ROOT,
                                "no %s toe off between contacts at %.3f and %.3f s", side.code(), a, b)));
                        continue;
                    }
                    if (tc.size() > 1) {
                        rej.add(new Rejection(side, a, p, RejectionReason.EXTRA_TOE_OFF, String.format(Locale.ROOT,
                                "%d %s toe offs between contacts at %.3f and %.3f s", tc.size(), side.code(), a, b)));
                        continue;
                    }
                    double c = tc.get(0);
                    List<Double> otc = between(otcs, a, c);
                    List<Double> oic = between(oics, a, c);
                    if (otc.size() != 1 || oic.size() != 1 || !(otc.get(0) < oic.get(0))) {
                        rej.add(new Rejection(side, a, p, RejectionReason.OPPOSITE_EVENTS_OUT_OF_ORDER,
                                String.format(Locale.ROOT, "stance %.3f-%.3f s: expected one %s toe off then one %s "
                                        + "contact, found toe offs %s and contacts %s", a, c, side.opposite().code(),
                                        side.opposite().code(), otc, oic)));
                        continue;
                    }
                    double stride = b - a;
                    double stancePct = 100 * (c - a) / stride;
                    if (stride < minStrideTimeS || stride > maxStrideTimeS) {
                        rej.add(new Rejection(side, a, p, RejectionReason.STRIDE_TIME_IMPLAUSIBLE, String.format(
                                Locale.ROOT, "stride time %.3f s outside [%.2f, %.2f] s", stride, minStrideTimeS,
                                maxStrideTimeS)));
                        continue;
                    }
                    if (stancePct < minStancePct || stancePct > maxStancePct) {
                        rej.add(new Rejection(side, a, p, RejectionReason.STANCE_IMPLAUSIBLE, String.format(Locale.ROOT,
                                "stance %.1f %% outside [%.0f, %.0f] %%", stancePct, minStancePct, maxStancePct)));
                        continue;
                    }
                    double prevOpp = Double.NaN;
                    double prevOwn = k > 0 ? ics.get(k - 1) : Double.NEGATIVE_INFINITY;
                    for (double o : oics) {
                        if (o < a && o > prevOwn) {
                            prevOpp = o;
                        }
                    }
                    if (!Double.isNaN(prevOpp) && between(tcs, prevOpp, a).isEmpty()) {
                        // a step is IC_o,prev < TC_S < IC_S: without this foot's toe off in between the other
                        // foot's contact cannot be the step's start (e.g. a spurious contact just before this
                        // one), so step time and length stay unknown
                        prevOpp = Double.NaN;
                    }
                    out.add(new StrideTiming(side, p, a, otc.get(0), oic.get(0), c, b, prevOpp));
                }
            }
        }
        out.sort(java.util.Comparator.comparingDouble(StrideTiming::contactS));
        rej.sort(java.util.Comparator.comparingDouble(Rejection::timeS));
        return new Result(out, rej);
    }

    private static List<Double> times(List<GaitEvent> ev, int pass, Side side, GaitEventType type) {
        return ev.stream().filter(e -> e.passIndex() == pass && e.side() == side && e.type() == type)
                .map(GaitEvent::timeS).sorted().toList();
    }

    private static List<Double> between(List<Double> v, double a, double b) {
        return v.stream().filter(x -> x > a && x < b).toList();
    }
}
