package org.gaitlens.motion.mocap;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the markers of common laboratory marker sets to the joint positions the gait engine reads, as
 * {@link BodyLandmark}s: hip, knee and ankle joint centres, heel, foot tip and shoulder of both sides.
 *
 * <p>Marker names are compared after removing a subject prefix ({@code "Subject:LASI"} &rarr;
 * {@code LASI}), the characters {@code . _ - space}, and case: {@code R.Knee.Medial}, {@code R_Knee_Medial}
 * and {@code rkneemedial} are the same name. For each landmark the rules below are tried in order; among
 * those the file supports, the first whose coverage (fraction of samples present) is at least 90 % of the
 * best rule's coverage wins, so a model output with many gaps does not beat a complete raw marker. The
 * table ({@code S} = L or R; full version in {@code docs/mocap.md}):
 * <table>
 *   <caption>Landmark rules</caption>
 *   <tr><th>landmark</th><th>rules in priority order</th></tr>
 *   <tr><td>HIP</td><td>Plug-in Gait femur proximal point {@code SFEP} (= PiG hip joint centre);
 *       virtual markers {@code SHJC}, {@code S_HJC}, {@code LeftHipCenter}/{@code RightHipCenter};
 *       {@link HarringtonHipJointCentre Harrington 2007} from {@code SASI/SASIS} and {@code SPSI/SPSIS}
 *       (or a sacral marker {@code SACR}, {@code V.Sacral}, {@code S2}); greater trochanter
 *       {@code SGTR}/{@code S.Trochanter}</td></tr>
 *   <tr><td>KNEE</td><td>PiG femur origin {@code SFEO} (= knee joint centre); {@code SKJC},
 *       {@code S.KneeJoint}; midpoint of lateral ({@code SKNE}, {@code S.Knee}, {@code S.Knee.Lat}) and
 *       medial ({@code SKNEin}, {@code S.Knee.Medial}, {@code S.Knee.Med}, {@code S.MKnee}) epicondyle
 *       markers; the lateral marker alone; with a static trial, the static knee centre carried by a thigh
 *       cluster ({@code S.Thigh.Upper/Front/Rear} or {@code S.TH1-3}, see {@link ClusterCalibration})</td></tr>
 *   <tr><td>ANKLE</td><td>PiG tibia origin {@code STIO} (= ankle joint centre); {@code SAJC},
 *       {@code S.AnkleJoint}; midpoint of lateral ({@code SANK}, {@code S.Ankle}, {@code S.Ankle.Lat}) and
 *       medial ({@code SANKin}, {@code S.Ankle.Medial}, {@code S.Ankle.Med}, {@code S.MAnkle}) malleolus;
 *       lateral alone; static trial + shank cluster ({@code S.Shank.Upper/Front/Rear}, {@code S.SH1-3})</td></tr>
 *   <tr><td>HEEL</td><td>{@code SHEE}, {@code S.Heel}</td></tr>
 *   <tr><td>FOOT_INDEX</td><td>{@code S.Toe.Tip}, {@code STOE}/{@code S.Toe} (PiG: 2nd metatarsal head),
 *       {@code SMT2}. BlazePose's foot index is the tip of the toes, about 3-6 cm further forward than a
 *       metatarsal-head marker: foot angles from the two differ by an offset.</td></tr>
 *   <tr><td>SHOULDER (optional)</td><td>{@code SSHO}, {@code S.Shoulder}, {@code S.Acromium},
 *       {@code S.Acromion}</td></tr>
 * </table>
 * Hip, knee, ankle, heel and foot index of both sides are required: when one cannot be found,
 * {@link #map} throws {@link InvalidInputException} naming the markers it looked for. Shoulders are mapped
 * when present (lower-body marker sets have none).
 */
public final class MarkerSetMapping {

    private static final Logger LOG = LoggerFactory.getLogger(MarkerSetMapping.class);

    /** Body parts that every mapping must provide on both sides. */
    public static final List<BodyPart> REQUIRED_PARTS = BodyPart.LEG;
    /** Body parts mapped when the marker set has them. */
    public static final List<BodyPart> OPTIONAL_PARTS = List.of(BodyPart.SHOULDER);

    private static final String[] SACRUM = {"SACR", "SACRUM", "VSACRAL", "VSAC", "S2", "SACRAL"};

    private MarkerSetMapping() {
    }

    /**
     * Maps a trial without a static calibration trial.
     *
     * @throws InvalidInputException if a required landmark cannot be derived
     */
    public static JointTrajectories map(MarkerData trial) {
        return map(trial, null);
    }

    /**
     * Maps a trial, using a static trial of the same subject (nullable) for landmarks that were only
     * marked during the static capture (for example knee and ankle markers removed before walking).
     *
     * @throws InvalidInputException if a required landmark cannot be derived
     */
    public static JointTrajectories map(MarkerData trial, MarkerData staticTrial) {
        Index idx = new Index(trial);
        Index staticIdx = staticTrial == null ? null : new Index(staticTrial);
        EnumMap<BodyLandmark, double[][]> positions = new EnumMap<>(BodyLandmark.class);
        EnumMap<BodyLandmark, String> derivation = new EnumMap<>(BodyLandmark.class);
        List<String> missing = new ArrayList<>();
        List<BodyPart> parts = new ArrayList<>(REQUIRED_PARTS);
        parts.addAll(OPTIONAL_PARTS);
        for (BodyPart part : parts) {
            for (Side side : Side.values()) {
                BodyLandmark lm = BodyLandmark.of(side, part);
                Optional<Result> r = best(part, side, idx, staticIdx);
                if (r.isPresent()) {
                    positions.put(lm, r.get().positionsM());
                    derivation.put(lm, r.get().description());
                } else if (REQUIRED_PARTS.contains(part)) {
                    missing.add(lm + " (looked for " + describeRules(part, side, staticIdx != null) + ")");
                } else {
                    LOG.debug("{}: no {} in the marker set", trial.source(), lm);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(trial.source() + ": cannot map the marker set to "
                    + String.join("; ", missing)
                    + (staticTrial == null ? ". If knee/ankle markers were only worn in a static trial, "
                            + "pass that trial too" : ""));
        }
        LOG.debug("{}: landmarks {}", trial.source(), derivation);
        return new JointTrajectories(trial.timeS(), positions, derivation, trial.fileTimeOfFirstSampleS(),
                trial.events(), trial.source());
    }

    /** Normalised form of a marker name: no subject prefix, no {@code . _ - space}, upper case. */
    static String normalise(String name) {
        String n = name;
        int colon = n.lastIndexOf(':');
        if (colon >= 0) {
            n = n.substring(colon + 1);
        }
        return n.replaceAll("[._\\- ]", "").toUpperCase(Locale.ROOT);
    }

    private record Result(double[][] positionsM, String description, double coverage) {
    }

    private static Optional<Result> best(BodyPart part, Side side, Index idx, Index staticIdx) {
        List<Result> found = new ArrayList<>();
        for (Rule rule : rules(part)) {
            rule.apply(idx, side, staticIdx).ifPresent(found::add);
        }
        double max = 0;
        for (Result r : found) {
            max = Math.max(max, r.coverage());
        }
        for (Result r : found) {
            if (r.coverage() > 0 && r.coverage() >= 0.9 * max) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String describeRules(BodyPart part, Side side, boolean withStatic) {
        List<String> s = new ArrayList<>();
        for (Rule r : rules(part)) {
            if (withStatic || !(r instanceof StaticCluster)) {
                s.add(r.describe(side));
            }
        }
        return String.join(" | ", s);
    }

    private static List<Rule> rules(BodyPart part) {
        return switch (part) {
            case HIP -> List.of(
                    new Single("Plug-in Gait hip joint centre", "{S}FEP"),
                    new Single("hip joint centre virtual marker", "{S}HJC", "{SIDE}HIPCENTER", "{S}HIPJOINT"),
                    new Harrington(),
                    new Single("greater trochanter marker", "{S}GTR", "{S}TROCH", "{S}TROCHANTER"));
            case KNEE -> List.of(
                    new Single("Plug-in Gait knee joint centre", "{S}FEO"),
                    new Single("knee joint centre virtual marker", "{S}KJC", "{S}KNEEJOINT"),
                    new Midpoint("knee epicondyles",
                            new String[] {"{S}KNE", "{S}KNEE", "{S}KNEELAT", "{S}LKNE"},
                            new String[] {"{S}KNEIN", "{S}KNEEMEDIAL", "{S}KNEEMED", "{S}MKNEE", "{S}MKNE",
                                "{S}KNEM"}),
                    new Single("lateral knee marker", "{S}KNE", "{S}KNEE", "{S}KNEELAT", "{S}LKNE"),
                    new StaticCluster(BodyPart.KNEE, new String[][] {
                        {"{S}THIGHUPPER", "{S}THIGHFRONT", "{S}THIGHREAR"}, {"{S}TH1", "{S}TH2", "{S}TH3"}}));
            case ANKLE -> List.of(
                    new Single("Plug-in Gait ankle joint centre", "{S}TIO"),
                    new Single("ankle joint centre virtual marker", "{S}AJC", "{S}ANKLEJOINT"),
                    new Midpoint("malleoli",
                            new String[] {"{S}ANK", "{S}ANKLE", "{S}ANKLELAT", "{S}LMAL"},
                            new String[] {"{S}ANKIN", "{S}ANKLEMEDIAL", "{S}ANKLEMED", "{S}MANKLE", "{S}MANK",
                                "{S}MMAL"}),
                    new Single("lateral malleolus marker", "{S}ANK", "{S}ANKLE", "{S}ANKLELAT", "{S}LMAL"),
                    new StaticCluster(BodyPart.ANKLE, new String[][] {
                        {"{S}SHANKUPPER", "{S}SHANKFRONT", "{S}SHANKREAR"}, {"{S}SH1", "{S}SH2", "{S}SH3"}}));
            case HEEL -> List.of(new Single("heel marker", "{S}HEE", "{S}HEEL", "{S}CAL"));
            case FOOT_INDEX -> List.of(new Single("toe marker", "{S}TOETIP", "{S}TOE", "{S}MT2"));
            case SHOULDER -> List.of(new Single("shoulder marker", "{S}SHO", "{S}SHOULDER", "{S}ACROMIUM",
                    "{S}ACROMION"));
            default -> throw new IllegalArgumentException("no marker rules for " + part);
        };
    }

    private static String expand(String pattern, Side side) {
        return pattern.replace("{SIDE}", side.name()).replace("{S}", side.code());
    }

    /** Names of a file by normalised name. */
    private static final class Index {
        final MarkerData data;
        final Map<String, String> byNormalised = new HashMap<>();

        Index(MarkerData data) {
            this.data = data;
            for (String n : data.markerNames()) {
                byNormalised.putIfAbsent(normalise(n), n);
            }
        }

        /** First of the candidate patterns present, as the file's own name. */
        Optional<String> find(Side side, String... patterns) {
            for (String p : patterns) {
                String name = byNormalised.get(expand(p, side));
                if (name != null) {
                    return Optional.of(name);
                }
            }
            return Optional.empty();
        }

        double[][] get(String name) {
            return data.positionsM().get(name);
        }
    }

    private static double coverage(double[][] p) {
        int ok = 0;
        for (double[] s : p) {
            if (!Vec3.isNaN(s)) {
                ok++;
            }
        }
        return p.length == 0 ? 0 : ok / (double) p.length;
    }

    private interface Rule {
        Optional<Result> apply(Index idx, Side side, Index staticIdx);

        String describe(Side side);
    }

    private record Single(String what, String... patterns) implements Rule {
        @Override
        public Optional<Result> apply(Index idx, Side side, Index staticIdx) {
            return idx.find(side, patterns).map(n -> {
                double[][] p = idx.get(n);
                return new Result(p, n + " (" + what + ")", coverage(p));
            });
        }

        @Override
        public String describe(Side side) {
            List<String> s = new ArrayList<>();
            for (String p : patterns) {
                s.add(expand(p, side));
            }
            return String.join("/", s);
        }
    }

    private record Midpoint(String what, String[] lateral, String[] medial) implements Rule {
        @Override
        public Optional<Result> apply(Index idx, Side side, Index staticIdx) {
            Optional<String> l = idx.find(side, lateral);
            Optional<String> m = idx.find(side, medial);
            if (l.isEmpty() || m.isEmpty()) {
                return Optional.empty();
            }
            double[][] a = idx.get(l.get());
            double[][] b = idx.get(m.get());
            double[][] p = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                p[i] = Vec3.isNaN(a[i]) || Vec3.isNaN(b[i]) ? Vec3.nan() : Vec3.mid(a[i], b[i]);
            }
            return Optional.of(new Result(p, "midpoint(" + l.get() + ", " + m.get() + ") (" + what + ")",
                    coverage(p)));
        }

        @Override
        public String describe(Side side) {
            return "midpoint(" + new Single("", lateral).describe(side) + ", "
                    + new Single("", medial).describe(side) + ")";
        }
    }

    private static final class Harrington implements Rule {
        @Override
        public Optional<Result> apply(Index idx, Side side, Index staticIdx) {
            Optional<String> la = idx.find(Side.LEFT, "{S}ASI", "{S}ASIS");
            Optional<String> ra = idx.find(Side.RIGHT, "{S}ASI", "{S}ASIS");
            if (la.isEmpty() || ra.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> lp = idx.find(Side.LEFT, "{S}PSI", "{S}PSIS");
            Optional<String> rp = idx.find(Side.RIGHT, "{S}PSI", "{S}PSIS");
            double[][] posterior;
            String posteriorName;
            if (lp.isPresent() && rp.isPresent()) {
                double[][] a = idx.get(lp.get());
                double[][] b = idx.get(rp.get());
                posterior = new double[a.length][];
                for (int i = 0; i < a.length; i++) {
                    posterior[i] = Vec3.isNaN(a[i]) || Vec3.isNaN(b[i]) ? Vec3.nan() : Vec3.mid(a[i], b[i]);
                }
                posteriorName = lp.get() + ", " + rp.get();
            } else {
                Optional<String> sacrum = idx.find(side, SACRUM);
                if (sacrum.isEmpty()) {
                    return Optional.empty();
                }
                posterior = idx.get(sacrum.get());
                posteriorName = sacrum.get();
            }
            Map<Side, double[][]> hjc;
            try {
                hjc = HarringtonHipJointCentre.estimate(idx.get(la.get()), idx.get(ra.get()), posterior);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            double[][] p = hjc.get(side);
            return Optional.of(new Result(p, "Harrington 2007 regression from " + la.get() + ", " + ra.get()
                    + ", " + posteriorName, coverage(p)));
        }

        @Override
        public String describe(Side side) {
            return "Harrington regression from LASI/L.ASIS, RASI/R.ASIS and LPSI+RPSI or a sacral marker";
        }
    }

    /** A joint known only in a static trial, carried into the walking trial by a marker cluster. */
    private record StaticCluster(BodyPart part, String[][] clusters) implements Rule {
        @Override
        public Optional<Result> apply(Index idx, Side side, Index staticIdx) {
            if (staticIdx == null) {
                return Optional.empty();
            }
            Optional<Result> target = Optional.empty();
            for (Rule r : rules(part)) {
                if (!(r instanceof StaticCluster)) {
                    target = r.apply(staticIdx, side, null);
                    if (target.isPresent()) {
                        break;
                    }
                }
            }
            if (target.isEmpty()) {
                return Optional.empty();
            }
            for (String[] cluster : clusters) {
                Map<String, String> names = new LinkedHashMap<>();
                for (String c : cluster) {
                    Optional<String> inTrial = idx.find(side, c);
                    Optional<String> inStatic = staticIdx.find(side, c);
                    if (inTrial.isPresent() && inStatic.isPresent()) {
                        names.put(inTrial.get(), inStatic.get());
                    }
                }
                if (names.size() != 3) {
                    continue;
                }
                List<String> trialNames = new ArrayList<>(names.keySet());
                List<String> staticNames = new ArrayList<>(names.values());
                ClusterCalibration cal;
                try {
                    cal = ClusterCalibration.calibrate(staticIdx.get(staticNames.get(0)),
                            staticIdx.get(staticNames.get(1)), staticIdx.get(staticNames.get(2)),
                            target.get().positionsM());
                } catch (IllegalArgumentException e) {
                    continue;
                }
                double[][] p = cal.reconstruct(idx.get(trialNames.get(0)), idx.get(trialNames.get(1)),
                        idx.get(trialNames.get(2)));
                return Optional.of(new Result(p, "static trial " + staticIdx.data.source() + ": "
                        + target.get().description() + " carried by cluster " + trialNames
                        + " (Cappozzo 1995 CAST)", coverage(p)));
            }
            return Optional.empty();
        }

        @Override
        public String describe(Side side) {
            List<String> s = new ArrayList<>();
            for (String[] c : clusters) {
                s.add(new Single("", c).describe(side).replace('/', '+'));
            }
            return "static-trial calibration with cluster " + String.join(" or ", s);
        }
    }
}
