package org.gaitlens.motion.mocap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gaitlens.core.BodyLandmark;
import org.gaitlens.core.BodyPart;
import org.gaitlens.core.InvalidInputException;
import org.gaitlens.core.Side;
import org.gaitlens.validation.SharedData;
import org.gaitlens.validation.ValidationTrials;
import org.junit.jupiter.api.Test;

/** Maps every validation trial and checks the anatomy of the result. */
class MarkerSetMappingTest {

    private static final List<ValidationTrials.Trial> TRIALS = ValidationTrials.all();

    @Test
    void everyValidationTrialMapsAllRequiredLandmarks() {
        for (ValidationTrials.Trial t : TRIALS) {
            for (BodyPart part : MarkerSetMapping.REQUIRED_PARTS) {
                for (Side s : Side.values()) {
                    assertTrue(t.joints().has(BodyLandmark.of(s, part)), t.name() + " " + s + " " + part);
                }
            }
            // PiG_Motion3_FF is a lower-body marker set; FunctionalWalk labels LSHO/RSHO (and all other
            // upper-body markers) but they have no sample at all, so no shoulders are mapped there either
            boolean noShoulders = t.name().equals("btk_PiG_Motion3_FF") || t.name().equals("btk_FunctionalWalk");
            assertEquals(!noShoulders, t.joints().has(BodyLandmark.LEFT_SHOULDER), t.name());
            assertEquals(!noShoulders, t.joints().has(BodyLandmark.RIGHT_SHOULDER), t.name());
        }
    }

    @Test
    void expectedRulesAreChosen() {
        Map<String, String[]> expected = new LinkedHashMap<>();
        // name -> {hip, knee, ankle} derivation prefix of the left side
        expected.put("btk_PiG_Motion-FlatFoot-Full", new String[] {"LFEP", "LFEO", "LTIO"});
        expected.put("btk_FunctionalWalk", new String[] {"LFEP", "LFEO", "LTIO"});
        expected.put("btk_MotionAnalysis_Gait", new String[] {"Harrington", "midpoint(L.Knee, L.Knee.Medial)",
            "midpoint(L.Ankle, L.Ankle.Medial)"});
        expected.put("opensim_subject01_walk1_treadmill", new String[] {"Harrington", "static trial", "static trial"});
        expected.put("opensim_rajagopal_walk_overground", new String[] {"Harrington", "L.Knee", "L.Ankle"});
        for (ValidationTrials.Trial t : TRIALS) {
            String[] e = expected.get(t.name());
            if (e == null) {
                continue;
            }
            Map<BodyLandmark, String> d = t.joints().derivation();
            assertTrue(d.get(BodyLandmark.LEFT_HIP).startsWith(e[0]), t.name() + ": " + d.get(BodyLandmark.LEFT_HIP));
            assertTrue(d.get(BodyLandmark.LEFT_KNEE).startsWith(e[1]), t.name() + ": " + d.get(BodyLandmark.LEFT_KNEE));
            assertTrue(d.get(BodyLandmark.LEFT_ANKLE).startsWith(e[2]), t.name() + ": " + d.get(BodyLandmark.LEFT_ANKLE));
        }
    }

    @Test
    void mappedJointsHavePlausibleAnatomy() {
        for (ValidationTrials.Trial t : TRIALS) {
            JointTrajectories j = t.joints();
            WalkingFrame wf = WalkingFrame.detect(j);
            for (Side s : Side.values()) {
                int known = 0;
                int ordered = 0;
                int stance = 0;
                int heelBelowInStance = 0;
                List<Double> thigh = new ArrayList<>();
                List<Double> shank = new ArrayList<>();
                double heelFloor = Double.POSITIVE_INFINITY;
                for (int i = 0; i < j.size(); i++) {
                    double[] heel = j.position(BodyLandmark.of(s, BodyPart.HEEL), i);
                    if (!Vec3.isNaN(heel)) {
                        heelFloor = Math.min(heelFloor, Vec3.dot(heel, wf.up()));
                    }
                }
                for (int i = 0; i < j.size(); i++) {
                    double[] hip = j.position(BodyLandmark.of(s, BodyPart.HIP), i);
                    double[] knee = j.position(BodyLandmark.of(s, BodyPart.KNEE), i);
                    double[] ankle = j.position(BodyLandmark.of(s, BodyPart.ANKLE), i);
                    double[] heel = j.position(BodyLandmark.of(s, BodyPart.HEEL), i);
                    if (Vec3.isNaN(hip) || Vec3.isNaN(knee) || Vec3.isNaN(ankle) || Vec3.isNaN(heel)) {
                        continue;
                    }
                    known++;
                    double h = Vec3.dot(hip, wf.up());
                    double k = Vec3.dot(knee, wf.up());
                    double a = Vec3.dot(ankle, wf.up());
                    double he = Vec3.dot(heel, wf.up());
                    if (h > k && k > a) {
                        ordered++;
                    }
                    // heel on the floor (within 2 cm of its lowest position): it must be below the ankle;
                    // in push-off and early swing the plantarflexed heel rises above the ankle centre,
                    // which is anatomy, not an error
                    if (he < heelFloor + 0.02) {
                        stance++;
                        if (he < a) {
                            heelBelowInStance++;
                        }
                    }
                    thigh.add(Vec3.norm(Vec3.sub(hip, knee)));
                    shank.add(Vec3.norm(Vec3.sub(knee, ankle)));
                }
                String what = t.name() + " " + s;
                assertTrue(known > 0.8 * j.size(), what + ": joints known in " + known + " of " + j.size());
                assertEquals(known, ordered, what + ": hip above knee above ankle");
                assertTrue(stance > 0.2 * known, what + ": heel on the floor in " + stance + " samples");
                assertEquals(stance, heelBelowInStance, what + ": heel below ankle while on the floor");
                // adult thigh (hip-knee centre) and shank (knee-ankle centre) lengths are 0.35-0.5 m
                double thighM = mean(thigh);
                double shankM = mean(shank);
                assertTrue(thighM > 0.35 && thighM < 0.5, what + ": thigh " + thighM);
                assertTrue(shankM > 0.35 && shankM < 0.5, what + ": shank " + shankM);
                // a rigid segment: skin-mounted markers and clusters move 1-2 cm relative to bone; 2.5 cm SD
                // flags a wrong marker or a broken reconstruction
                assertTrue(sd(thigh) < 0.025, what + ": thigh length SD " + sd(thigh));
                assertTrue(sd(shank) < 0.025, what + ": shank length SD " + sd(shank));
                System.err.printf(Locale.ROOT, "%s: %d known, thigh %.3f+-%.3f m, shank %.3f+-%.3f m%n", what,
                        known, thighM, sd(thigh), shankM, sd(shank));
            }
        }
    }

    @Test
    void harringtonHipCentreIsNearPlugInGaitHipCentre() {
        // Plug-in Gait's hip centre (Davis 1991 regression, output as LFEP/RFEP) and Harrington's differ in
        // method; published comparisons put regression methods 1-3 cm apart. Bound: median 3 cm.
        for (String file : List.of("PiG_Motion-FlatFoot-Full.c3d", "FunctionalWalk.c3d", "PiG_Motion3_FF.c3d")) {
            MarkerData d = C3dReader.read(SharedData.mocap("btk/" + file));
            double[][] lpsi = d.trajectory("LPSI").orElseThrow();
            double[][] rpsi = d.trajectory("RPSI").orElseThrow();
            double[][] mid = new double[lpsi.length][];
            for (int i = 0; i < mid.length; i++) {
                mid[i] = Vec3.mid(lpsi[i], rpsi[i]);
            }
            Map<Side, double[][]> h = HarringtonHipJointCentre.estimate(d.trajectory("LASI").orElseThrow(),
                    d.trajectory("RASI").orElseThrow(), mid);
            for (Side s : Side.values()) {
                double[][] pig = d.trajectory(s.code() + "FEP").orElseThrow();
                List<Double> dist = new ArrayList<>();
                for (int i = 0; i < mid.length; i++) {
                    if (!Vec3.isNaN(pig[i]) && !Vec3.isNaN(h.get(s)[i])) {
                        dist.add(Vec3.norm(Vec3.sub(pig[i], h.get(s)[i])));
                    }
                }
                dist.sort(Double::compare);
                double median = dist.get(dist.size() / 2);
                System.err.printf(Locale.ROOT, "%s %s: |Harrington - PiG HJC| median %.1f mm%n", file, s, median * 1000);
                assertTrue(median < 0.03, file + " " + s + ": median distance " + median);
            }
        }
    }

    @Test
    void harringtonOnAHandMadePelvis() {
        // ASIS 0.2 m apart on the z axis, PSIS midpoint 0.15 m behind along -x, y up: PW = 200 mm, PD = 150 mm
        double[][] la = {{0, 1, -0.1}};
        double[][] ra = {{0, 1, 0.1}};
        double[][] ps = {{-0.15, 1, 0}};
        Map<Side, double[][]> h = HarringtonHipJointCentre.estimate(la, ra, ps);
        // x = -0.24*150 - 9.9 = -45.9 mm; y = -0.30*200 - 10.9 = -70.9 mm; z = +-(0.33*200 + 7.3) = +-73.3 mm
        double[] r = h.get(Side.RIGHT)[0];
        double[] l = h.get(Side.LEFT)[0];
        assertEquals(-0.0459, r[0], 1e-12);
        assertEquals(1 - 0.0709, r[1], 1e-12);
        assertEquals(0.0733, r[2], 1e-12);
        assertEquals(-0.0733, l[2], 1e-12);
    }

    @Test
    void missingMarkersAreNamed() {
        MarkerData walk = ValidationTrials.read("opensim/Gait2392_Simbody__subject01_walk1.trc",
                ValidationTrials.Format.TRC);
        // without the static trial the walk has no knee or ankle markers
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> MarkerSetMapping.map(walk));
        assertTrue(e.getMessage().contains("LEFT_KNEE"), e.getMessage());
        assertTrue(e.getMessage().contains("LKNE"), e.getMessage());
        assertTrue(e.getMessage().contains("RIGHT_ANKLE"), e.getMessage());
        assertFalse(e.getMessage().contains("LEFT_HEEL"), e.getMessage());
    }

    @Test
    void subjectPrefixesAndSeparatorsAreIgnored() {
        assertEquals("LASI", MarkerSetMapping.normalise("Subject01:LASI"));
        assertEquals("RKNEEMEDIAL", MarkerSetMapping.normalise("R.Knee.Medial"));
        assertEquals("RKNEEMEDIAL", MarkerSetMapping.normalise("r_knee-medial"));
    }

    @Test
    void clusterCalibrationReproducesARigidPoint() {
        // a point rigidly attached to a cluster, which is then rotated 90 deg about z and moved
        double[][] a = {{0, 0, 0}, {1, 1, 1}};
        double[][] b = {{1, 0, 0}, {1, 2, 1}};
        double[][] c = {{0, 1, 0}, {0, 1, 1}};
        double[][] p = {{0.2, 0.3, 0.4}, {Double.NaN, Double.NaN, Double.NaN}};
        ClusterCalibration cal = ClusterCalibration.calibrate(a, b, c, p);
        double[][] r = cal.reconstruct(a, b, c);
        assertEquals(0.2, r[0][0], 1e-12);
        // rotation by +90 deg about z maps (0.2, 0.3, 0.4) to (-0.3, 0.2, 0.4), then + (1, 1, 1)
        assertEquals(0.7, r[1][0], 1e-12);
        assertEquals(1.2, r[1][1], 1e-12);
        assertEquals(1.4, r[1][2], 1e-12);
    }

    private static double mean(List<Double> v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.size();
    }

    private static double sd(List<Double> v) {
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.size() - 1));
    }
}
