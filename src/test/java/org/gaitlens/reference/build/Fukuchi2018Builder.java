package org.gaitlens.reference.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Decimals;
import org.gaitlens.core.Json;
import org.gaitlens.core.Side;
import org.gaitlens.reference.AgeGroup;
import org.gaitlens.reference.ChangeThreshold;
import org.gaitlens.reference.CurveBand;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.GaitVariable;
import org.gaitlens.reference.HealthyScores;
import org.gaitlens.reference.HealthyStats;
import org.gaitlens.reference.NormativeReference;
import org.gaitlens.reference.Quantiles;
import org.gaitlens.reference.ReferenceGroup;
import org.gaitlens.reference.SpeedClass;
import org.gaitlens.reference.ValueStats;

/**
 * Builds the shipped healthy reference ({@link NormativeReference#FUKUCHI_2018_RESOURCE}) from the raw files of
 * Fukuchi, Fukuchi and Duarte 2018 (PeerJ 6:e4640, doi:10.7717/peerj.4640; data doi:10.6084/m9.figshare.5722711;
 * CC BY 4.0): the per-subject overground curve files {@code ang/WBDS<NN>walkO<S|C|F>ang.txt} and the subject table
 * {@code WBDSinfo.xlsx}.
 *
 * <p>For each speed class and age group (young, older, both): per variable and cycle percent the between-subject
 * mean and SD, where a subject's curve is the mean of its available sides (three files have no right side: their
 * left side alone); the key values of {@link LabKeyValues}, computed per side and averaged over the subject's sides;
 * speed, leg length, Froude number {@code v^2 / (g L)}, speed in leg lengths per second, age and height; and the
 * healthy distribution of GPS-2D and GVS by leave-one-subject-out ({@link #loso}). Statistics are computed at full
 * precision and rounded when stored (angles and scores 0.01 deg, speeds 0.001, Froude 0.0001).
 *
 * <p>Run: {@code mvn -B -q -Preference-build test-compile exec:java} (docs/reference.md), or
 * {@code java -cp <test class path> org.gaitlens.reference.build.Fukuchi2018Builder DATASET_DIR OUT_JSON}.
 */
public final class Fukuchi2018Builder {
    /** Cycle percent at which values "at toe off" are read (the dataset has no event times; docs/reference.md). */
    static final int TOE_OFF_PCT = 60;
    /** Standard gravity, m/s^2. */
    static final double G_M_PER_S2 = 9.81;
    private static final int ANGLE_DECIMALS = 2;

    /**
     * One subject walking at one speed class.
     *
     * @param subject the subject's table row
     * @param speed   the speed class
     * @param sides   per available side, its three curves
     */
    record SubjectTrial(WbdsInfo.Subject subject, SpeedClass speed, Map<Side, Map<GaitVariable, double[]>> sides) {
        /** The subject's curve of one variable: the point-wise mean of its available sides. */
        double[] pooled(GaitVariable v) {
            double[] out = new double[CurveBand.POINTS];
            for (Map<GaitVariable, double[]> side : sides.values()) {
                double[] c = side.get(v);
                for (int t = 0; t < out.length; t++) {
                    out[t] += c[t] / sides.size();
                }
            }
            return out;
        }

        double speedMPerS() {
            return subject.speedMPerS().getOrDefault(speed, Double.NaN);
        }
    }

    /**
     * One subject's deviation scores against a band built without it.
     *
     * @param trial   the subject at its speed class
     * @param gvsDeg  per available side, the GVS of each variable ({@link GaitVariable} order)
     * @param sideGps per available side, RMS of its three GVS
     * @param overall RMS of all its GVS (six, or three with one side)
     */
    record LosoScore(SubjectTrial trial, Map<Side, double[]> gvsDeg, Map<Side, Double> sideGps, double overall) {
    }

    /**
     * Everything a build produces.
     *
     * @param reference the resource
     * @param trials    per speed class, every subject (both age groups)
     * @param loso      per speed class and age group, the leave-one-subject-out scores
     */
    record Build(NormativeReference reference, Map<SpeedClass, List<SubjectTrial>> trials,
            Map<SpeedClass, Map<AgeGroup, List<LosoScore>>> loso) {
    }

    private Fukuchi2018Builder() {
    }

    /**
     * Builds the reference and writes it. Arguments: the dataset folder (holding {@code ang/} and
     * {@code WBDSinfo.xlsx}) and the output JSON file.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Fukuchi2018Builder DATASET_DIR OUT_JSON");
            System.exit(2);
        }
        Build b = build(Path.of(args[0]));
        Path out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Json.writeText(out, b.reference().toJson());
        System.out.println("wrote " + out + " (" + b.reference().groups().size() + " groups)");
    }

    /** Builds the reference from a dataset folder. */
    static Build build(Path datasetDir) {
        Map<Integer, WbdsInfo.Subject> subjects = WbdsInfo.read(datasetDir.resolve("WBDSinfo.xlsx"));
        Map<SpeedClass, List<SubjectTrial>> trials = new EnumMap<>(SpeedClass.class);
        for (SpeedClass c : SpeedClass.values()) {
            List<SubjectTrial> list = new ArrayList<>();
            for (WbdsInfo.Subject s : subjects.values()) {
                Path f = datasetDir.resolve("ang").resolve(String.format(java.util.Locale.ROOT, "WBDS%02dwalkO%sang.txt",
                        s.id(), c.fileCode()));
                if (Files.isRegularFile(f)) {
                    list.add(new SubjectTrial(s, c, WbdsCurves.read(f)));
                }
            }
            trials.put(c, list);
        }
        List<ReferenceGroup> groups = new ArrayList<>();
        Map<SpeedClass, Map<AgeGroup, List<LosoScore>>> loso = new EnumMap<>(SpeedClass.class);
        for (SpeedClass c : SpeedClass.values()) {
            for (AgeGroup a : AgeGroup.values()) {
                List<SubjectTrial> g = trials.get(c).stream()
                        .filter(t -> a == AgeGroup.ALL || t.subject().ageGroup() == a).toList();
                List<LosoScore> scores = loso(g);
                loso.computeIfAbsent(c, k -> new EnumMap<>(AgeGroup.class)).put(a, scores);
                groups.add(new ReferenceGroup(c, a, g.size(), bands(g), keyValues(g), walking(g), healthy(scores)));
            }
        }
        NormativeReference ref = new NormativeReference(NormativeReference.SCHEMA, "Fukuchi et al. 2018",
                "Fukuchi C.A., Fukuchi R.K., Duarte M. (2018) A public dataset of overground and treadmill walking "
                        + "kinematics and kinetics in healthy individuals. PeerJ 6:e4640, doi:10.7717/peerj.4640",
                "doi:10.6084/m9.figshare.5722711", "CC BY 4.0", Fukuchi2018Builder.class.getName(), CONVENTIONS,
                TOE_OFF_PCT, changeThreshold(loso), groups);
        return new Build(ref, trials, loso);
    }

    /**
     * The GPS-2D change threshold: per subject, the absolute difference between its leave-one-subject-out overall
     * GPS-2D at slow and at comfortable speed, and at comfortable and at fast speed, each against the band of its own
     * speed class (both age groups pooled); the threshold is the 95th percentile of these differences.
     */
    static ChangeThreshold changeThreshold(Map<SpeedClass, Map<AgeGroup, List<LosoScore>>> loso) {
        List<Double> changes = new ArrayList<>();
        for (SpeedClass[] pair : new SpeedClass[][] {{SpeedClass.SLOW, SpeedClass.COMFORTABLE},
            {SpeedClass.COMFORTABLE, SpeedClass.FAST}}) {
            Map<Integer, Double> first = overallBySubject(loso.get(pair[0]).get(AgeGroup.ALL));
            Map<Integer, Double> second = overallBySubject(loso.get(pair[1]).get(AgeGroup.ALL));
            first.forEach((id, gps) -> {
                if (second.containsKey(id)) {
                    changes.add(Math.abs(second.get(id) - gps));
                }
            });
        }
        double[] v = changes.stream().mapToDouble(Double::doubleValue).toArray();
        return new ChangeThreshold(round(Quantiles.of(v, 0.95), ANGLE_DECIMALS), v.length, "95th percentile of the "
                + "absolute change of a healthy subject's GPS-2D between two of its walks, slow and comfortable, and "
                + "comfortable and fast, each scored by leave-one-subject-out against the band of its own speed class "
                + "(both age groups); a change below it is within healthy walk-to-walk variation");
    }

    private static Map<Integer, Double> overallBySubject(List<LosoScore> scores) {
        Map<Integer, Double> m = new java.util.TreeMap<>();
        scores.forEach(s -> m.put(s.trial().subject().id(), s.overall()));
        return m;
    }

    static final String CONVENTIONS = "Overground walking at self-selected slow, comfortable and fast speed; 101 "
            + "points per gait cycle from the same side's heel strike. hip = thigh from vertical = HipAngleZ - "
            + "PelvisAngleZ of the same side per sample; knee = KneeAngleZ; ankle = AnkleAngleZ (marker foot axis, "
            + "0 = neutral standing); flexion and dorsiflexion positive, degrees. A subject's curve is the mean of "
            + "its available sides (WBDS15walkOF, WBDS37walkOF and WBDS42walkOS have no right side); bands are the "
            + "between-subject mean and sample SD. Key values: per side, then averaged over the subject's sides; toe "
            + "off at " + TOE_OFF_PCT + " % of the cycle. walking: per subject the mean of its trials' gait speeds "
            + "(WBDSinfo.xlsx), Froude = v^2 / (9.81 m/s^2 x leg length). healthy: leave-one-subject-out GPS-2D and "
            + "GVS, each subject's sides against the group's band mean without it; p95 = type-7 95th percentile.";

    /**
     * Each subject's sides scored against the mean band of the other subjects of the same group (same speed
     * class): GVS per side and variable, GPS-2D per side and overall ({@link GaitProfileScore}).
     */
    static List<LosoScore> loso(List<SubjectTrial> group) {
        List<LosoScore> out = new ArrayList<>();
        for (SubjectTrial held : group) {
            List<SubjectTrial> others = group.stream().filter(t -> t != held).toList();
            out.add(score(held, bandMeans(others)));
        }
        return out;
    }

    /** One subject's sides against a band mean per variable. */
    static LosoScore score(SubjectTrial t, Map<GaitVariable, double[]> bandMean) {
        Map<Side, double[]> gvs = new EnumMap<>(Side.class);
        Map<Side, Double> sideGps = new EnumMap<>(Side.class);
        List<Double> all = new ArrayList<>();
        t.sides().forEach((side, curves) -> {
            double[] g = new double[GaitVariable.values().length];
            for (GaitVariable v : GaitVariable.values()) {
                g[v.ordinal()] = GaitProfileScore.gvs(curves.get(v), bandMean.get(v));
                all.add(g[v.ordinal()]);
            }
            gvs.put(side, g);
            sideGps.put(side, GaitProfileScore.rms(g));
        });
        return new LosoScore(t, gvs, sideGps, GaitProfileScore.rms(all.stream().mapToDouble(Double::doubleValue)
                .toArray()));
    }

    /** Per variable, the mean over subjects of their pooled curves. */
    static Map<GaitVariable, double[]> bandMeans(List<SubjectTrial> group) {
        Map<GaitVariable, double[]> out = new EnumMap<>(GaitVariable.class);
        for (GaitVariable v : GaitVariable.values()) {
            double[] m = new double[CurveBand.POINTS];
            for (SubjectTrial t : group) {
                double[] c = t.pooled(v);
                for (int p = 0; p < m.length; p++) {
                    m[p] += c[p] / group.size();
                }
            }
            out.put(v, m);
        }
        return out;
    }

    private static Map<GaitVariable, CurveBand> bands(List<SubjectTrial> group) {
        Map<GaitVariable, CurveBand> out = new EnumMap<>(GaitVariable.class);
        for (GaitVariable v : GaitVariable.values()) {
            double[] mean = new double[CurveBand.POINTS];
            double[] sd = new double[CurveBand.POINTS];
            for (int p = 0; p < mean.length; p++) {
                final int point = p;
                ValueStats s = stats(group.stream().mapToDouble(t -> t.pooled(v)[point]).toArray());
                mean[p] = round(s.mean(), ANGLE_DECIMALS);
                sd[p] = round(s.sd(), ANGLE_DECIMALS);
            }
            out.put(v, new CurveBand(mean, sd));
        }
        return out;
    }

    private static Map<String, ValueStats> keyValues(List<SubjectTrial> group) {
        Map<String, List<Double>> perSubject = new LinkedHashMap<>();
        for (SubjectTrial t : group) {
            Map<String, Double> sum = new LinkedHashMap<>();
            for (Map<GaitVariable, double[]> side : t.sides().values()) {
                LabKeyValues.of(side, TOE_OFF_PCT).forEach((k, v) -> sum.merge(k, v / t.sides().size(), Double::sum));
            }
            sum.forEach((k, v) -> perSubject.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        Map<String, ValueStats> out = new LinkedHashMap<>();
        perSubject.forEach((k, v) -> out.put(k, rounded(stats(v.stream().mapToDouble(Double::doubleValue).toArray()),
                ANGLE_DECIMALS)));
        return out;
    }

    private static Map<String, ValueStats> walking(List<SubjectTrial> group) {
        Map<String, ValueStats> out = new LinkedHashMap<>();
        out.put(ReferenceGroup.SPEED_M_PER_S, rounded(stats(group.stream().mapToDouble(SubjectTrial::speedMPerS)
                .toArray()), 3));
        out.put("leg_length_m", rounded(stats(group.stream().mapToDouble(t -> t.subject().legLengthM()).toArray()), 3));
        out.put(ReferenceGroup.FROUDE, rounded(stats(group.stream().mapToDouble(t -> t.speedMPerS() * t.speedMPerS()
                / (G_M_PER_S2 * t.subject().legLengthM())).toArray()), 4));
        out.put(ReferenceGroup.SPEED_LEG_PER_S, rounded(stats(group.stream().mapToDouble(t -> t.speedMPerS()
                / t.subject().legLengthM()).toArray()), 3));
        out.put("age_years", rounded(stats(group.stream().mapToDouble(t -> t.subject().ageYears()).toArray()), 1));
        out.put("height_m", rounded(stats(group.stream().mapToDouble(t -> t.subject().heightM()).toArray()), 3));
        return out;
    }

    private static HealthyScores healthy(List<LosoScore> scores) {
        double[] overall = scores.stream().mapToDouble(LosoScore::overall).toArray();
        double[] side = scores.stream().flatMap(s -> s.sideGps().values().stream()).mapToDouble(Double::doubleValue)
                .toArray();
        Map<GaitVariable, HealthyStats> gvs = new EnumMap<>(GaitVariable.class);
        for (GaitVariable v : GaitVariable.values()) {
            gvs.put(v, healthyStats(scores.stream().flatMap(s -> s.gvsDeg().values().stream())
                    .mapToDouble(g -> g[v.ordinal()]).toArray()));
        }
        return new HealthyScores(healthyStats(overall), healthyStats(side), gvs);
    }

    private static HealthyStats healthyStats(double[] values) {
        ValueStats s = stats(values);
        return new HealthyStats(round(s.mean(), ANGLE_DECIMALS), round(s.sd(), ANGLE_DECIMALS),
                round(Quantiles.of(values, 0.95), ANGLE_DECIMALS), s.n());
    }

    /** Mean, sample SD and count of the finite values. */
    static ValueStats stats(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).toArray();
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double ss = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        return new ValueStats(mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN, v.length);
    }

    private static ValueStats rounded(ValueStats s, int decimals) {
        return new ValueStats(round(s.mean(), decimals), round(s.sd(), decimals), s.n());
    }

    /** Rounded half up; {@code -0.0} written as {@code 0.0}. */
    private static double round(double v, int decimals) {
        return Decimals.round(v, decimals) + 0.0;
    }
}
