package org.gaitlens.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;
import org.gaitlens.core.Side;
import org.gaitlens.gait.CycleTimeWarp;
import org.gaitlens.gait.Joint;
import org.gaitlens.store.StrideValue;
import org.gaitlens.store.StudyStore;

/**
 * What the comparison page needs to play two sessions' videos side by side in the same phase of the gait cycle:
 * each video's frame times, its strides of the chosen side, its mean angle curves of that side over the cycle
 * ({@code curves.csv}), and the {@link CycleTimeWarp} that maps session A's clock onto B's, matching A's k-th
 * stride with B's k-th. The page plays A and drives B by the map, so a heel strike of A shows with the matched
 * heel strike of B; the strides are also the "same stride" picker's choices.
 */
final class SideBySide {
    private final StudyStore store;
    private final Access access;
    private final RunFiles files;
    private final RunReview reviews;

    SideBySide(StudyStore store, Access access, RunFiles files, RunReview reviews) {
        this.store = store;
        this.access = access;
        this.files = files;
        this.reviews = reviews;
    }

    /**
     * One session's video and data.
     *
     * @param title   date and label of the session
     * @param video   the URL of its video
     * @param timeS   the time of every frame, s
     * @param strides its strides of the chosen side, in time order
     * @param curves  per joint ({@code hip}, {@code knee}, {@code ankle}) the mean angle at 0, 1, ... 100 % of the
     *                cycle, degrees (null where the curve has a gap)
     */
    record Clip(String title, String video, double[] timeS, List<CycleTimeWarp.Cycle> strides,
            Map<String, Double[]> curves) {
    }

    /**
     * The two sessions and the map between their clocks.
     *
     * @param side   {@code left} or {@code right}: whose heel strikes are matched
     * @param a      session A (played in real time)
     * @param b      session B (driven by the map)
     * @param warpAS the map's knots on A's clock
     * @param warpBS the matched knots on B's clock
     * @param pairs  how many strides are matched (A's k-th with B's k-th, k from 0)
     */
    record Sync(String side, Clip a, Clip b, double[] warpAS, double[] warpBS, int pairs) {
    }

    Sync of(Access.RunContext a, Access.RunContext b, Side side) {
        Clip ca = clip(a, side);
        Clip cb = clip(b, side);
        CycleTimeWarp warp = CycleTimeWarp.matching(ca.strides(), cb.strides(), 0);
        return new Sync(RunReview.sideName(side), ca, cb, warp.timeAS(), warp.timeBS(),
                Math.min(ca.strides().size(), cb.strides().size()));
    }

    private Clip clip(Access.RunContext rc, Side side) {
        long id = rc.run().id();
        double[] time = reviews.of(id, rc.run().settingsJson()).timeS();
        Map<Integer, double[]> spans = new TreeMap<>();
        for (StrideValue v : store.results().strides(id)) {
            if (v.side() == side && (v.metric().equals("start_s") || v.metric().equals("end_s"))) {
                double[] s = spans.computeIfAbsent(v.strideIndex(), k -> new double[] {Double.NaN, Double.NaN});
                s[v.metric().equals("start_s") ? 0 : 1] = v.value();
            }
        }
        List<CycleTimeWarp.Cycle> strides = new ArrayList<>();
        for (double[] s : spans.values()) {
            if (Double.isFinite(s[0]) && Double.isFinite(s[1]) && s[1] > s[0]) {
                strides.add(new CycleTimeWarp.Cycle(s[0], s[1]));
            }
        }
        strides.sort((x, y) -> Double.compare(x.startS(), y.startS()));
        Path curves = files.file(id, "curves-csv");
        return new Clip(rc.session().date() + " " + rc.session().label(), "/runs/" + access.rid(rc.run()) + "/video",
                time, strides, curves(curves, side));
    }

    /** The mean curves of one side from {@code curves.csv} ({@code side,joint,cycle_pct,mean_deg,sd_deg,n}). */
    static Map<String, Double[]> curves(Path csv, Side side) {
        Map<String, Double[]> out = new LinkedHashMap<>();
        for (Joint j : RunReview.JOINTS) {
            out.put(RunReview.jointName(j), new Double[101]);
        }
        String code = side == Side.LEFT ? "L" : "R";
        for (CSVRecord c : CsvRows.read(csv)) {
            if (!c.get("side").equals(code) || c.get("mean_deg").isEmpty()) {
                continue;
            }
            int k = (int) Math.round(Double.parseDouble(c.get("cycle_pct")));
            for (Joint j : RunReview.JOINTS) {
                if (j.code().equals(c.get("joint")) && k >= 0 && k <= 100) {
                    out.get(RunReview.jointName(j))[k] = Double.parseDouble(c.get("mean_deg"));
                }
            }
        }
        return out;
    }
}
