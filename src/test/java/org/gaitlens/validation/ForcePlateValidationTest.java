package org.gaitlens.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gaitlens.core.Side;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.gait.GaitAnalyzer;
import org.gaitlens.gait.GaitEvent;
import org.gaitlens.gait.GaitEventType;
import org.gaitlens.gait.GaitResult;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.motion.mocap.C3dReader;
import org.gaitlens.motion.mocap.ForcePlateContacts;
import org.junit.jupiter.api.Test;

/**
 * Where the lab events of the three Vicon trials come from, and how far the engine's initial contacts are from
 * physical contact there.
 *
 * <p>Each of these C3D files holds force plates (two or three). Every contact on a plate, detected by the 20 N
 * vertical-force rule ({@link ForcePlateContacts}), is matched by the file's labelled Foot Strike of the same
 * foot within 1.5 frames (labels lie on the marker-frame grid, the onset between two frames; measured -1.1 to
 * +0.9 frames): the labels are force-plate contacts (asserted), so the engine's heel-strike error on
 * these trials (MocapValidationTest) is an error against physical contact, not a labelling convention. The
 * engine's signed error against each plate onset is printed (docs/mocap.md, "Force plates").
 */
class ForcePlateValidationTest {

    private static final List<String> VICON = List.of("btk_PiG_Motion-FlatFoot-Full", "btk_PiG_Motion3_FF",
            "btk_FunctionalWalk");

    @Test
    void labelledFootStrikesAreForcePlateContacts() {
        System.out.println("Force-plate contacts (20 N) vs the C3D labels and the engine (side camera, clean, "
                + "zeni-refined); signed ms, + = after the plate");
        System.out.println(String.format(Locale.ROOT, "%-30s %5s %4s %8s %9s %9s %9s", "trial", "plate", "side",
                "onset s", "label ms", "engine ms", "TO lab ms"));
        List<Double> engineErrMs = new ArrayList<>();
        for (String name : VICON) {
            ValidationTrials.Trial t = ValidationTrials.load(name);
            String file = ValidationTrials.SPECS.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow().markerFile();
            List<ForcePlateContacts.Contact> contacts = ForcePlateContacts.detect(
                    C3dReader.readForcePlates(SharedData.mocap(file)), t.joints(), ForcePlateContacts.DEFAULT_THRESHOLD_N);
            double frameS = 1 / t.markers().frameRateHz();
            GaitResult r = GaitAnalyzer.analyze(t.sideView(Side.LEFT),
                    GaitSettings.defaults().withEventMethod(EventMethod.ZENI_REFINED));
            assertTrue(contacts.size() >= 2, name + ": plates hold at least two contacts");
            for (ForcePlateContacts.Contact c : contacts) {
                assertNotNull(c.side(), name + ": " + c.note());
                assertTrue(Double.isFinite(c.onsetS()), name + ": onset on plate " + c.plate() + " observed");
                double label = nearest(t.truth().events(c.side(), GroundTruth.EventType.HEEL_STRIKE).stream()
                        .mapToDouble(GroundTruth.Event::timeS).toArray(), c.onsetS());
                double toLabel = Double.isNaN(c.endS()) ? Double.NaN : nearest(t.truth().events(c.side(),
                        GroundTruth.EventType.TOE_OFF).stream().mapToDouble(GroundTruth.Event::timeS).toArray(), c.endS());
                double engine = nearest(r.events().stream().filter(e -> e.side() == c.side()
                        && e.type() == GaitEventType.INITIAL_CONTACT).mapToDouble(GaitEvent::timeS).toArray(), c.onsetS());
                System.out.println(String.format(Locale.ROOT, "%-30s %5d %4s %8.3f %+9.1f %+9.1f %+9.1f", name,
                        c.plate(), c.side().code(), c.onsetS(), (label - c.onsetS()) * 1000,
                        (engine - c.onsetS()) * 1000, (toLabel - c.endS()) * 1000));
                assertEquals(c.onsetS(), label, 1.5 * frameS, name + " plate " + c.plate() + ": labelled " + c.side()
                        + " foot strike within 1.5 frames of the plate onset");
                if (Math.abs(engine - c.onsetS()) < 0.2) {
                    engineErrMs.add((engine - c.onsetS()) * 1000);
                }
            }
        }
        double mean = engineErrMs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        System.out.println(String.format(Locale.ROOT, "engine initial contact vs plate onset: mean %+.1f ms over %d "
                + "contacts", mean, engineErrMs.size()));
    }

    private static double nearest(double[] times, double t) {
        double best = Double.NaN;
        for (double x : times) {
            if (Double.isNaN(best) || Math.abs(x - t) < Math.abs(best - t)) {
                best = x;
            }
        }
        return best;
    }
}
