package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.motion.mocap.CameraView;
import org.gaitlens.pose.PoseModel;
import org.junit.jupiter.api.Test;

/** Canonical settings JSON, the hash over the result-changing part, overrides and the JSON round trip. */
class RunSettingsTest {
    private static final RunSettings S = new RunSettings("1.2.3", PoseModel.FULL, 172.5, EventMethod.ZENI, false,
            CameraView.LEFT_SIDE, true, false);

    @Test
    void canonicalJsonAndHashAreTheSha256OfTheResultSettings() throws Exception {
        assertEquals("{\"blur_faces\":false,\"camera\":\"left-side\",\"event_method\":\"zeni\",\"height_cm\":172.5,"
                + "\"model\":\"full\",\"software_version\":\"1.2.3\",\"treadmill\":false,\"write_video\":true}", S.toJson());
        String resultPart = "{\"camera\":\"left-side\",\"event_method\":\"zeni\",\"height_cm\":172.5,\"model\":\"full\","
                + "\"software_version\":\"1.2.3\",\"treadmill\":false}";
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(resultPart.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, S.hash());
    }

    @Test
    void hashChangesWithWhatChangesResultsOnly() {
        assertNotEquals(S.hash(), S.withHeightCm(Double.NaN).hash());
        assertNotEquals(S.hash(), S.withOverrides(Map.of("model", "lite")).hash());
        assertNotEquals(S.hash(), S.withOverrides(Map.of("event_method", "stenum")).hash());
        assertNotEquals(S.hash(), new RunSettings("1.2.4", PoseModel.FULL, 172.5, EventMethod.ZENI, false,
                CameraView.LEFT_SIDE, true, false).hash());
        RunSettings noVideo = new RunSettings("1.2.3", PoseModel.FULL, 172.5, EventMethod.ZENI, false,
                CameraView.LEFT_SIDE, false, true);
        assertEquals(S.hash(), noVideo.hash(), "overlay video and face blur change no number");
        assertNotEquals(S.toJson(), noVideo.toJson(), "but the stored settings say what was asked");
    }

    @Test
    void jsonRoundTripAndInvalidOverrides() {
        assertEquals(S, RunSettings.fromJson(S.toJson()));
        RunSettings unknownHeight = S.withHeightCm(Double.NaN);
        assertTrue(unknownHeight.toJson().contains("\"height_cm\":null"));
        assertTrue(Double.isNaN(RunSettings.fromJson(unknownHeight.toJson()).heightCm()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> S.withOverrides(Map.of("model", "huge")));
        assertTrue(e.getMessage().contains("invalid model 'huge'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> S.withOverrides(Map.of("fps", "30")));
        assertTrue(e.getMessage().contains("unknown setting 'fps'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> S.withHeightCm(1.75));
    }

    /**
     * "auto" is fixed per input when a run is queued, as {@code gaitlens analyze} does: motion capture gets
     * zeni-refined, video the engine's default. A video's settings hash is the same as with that method named,
     * so stores queued before "auto" existed do not re-analyse their videos.
     */
    @Test
    void autoEventMethodResolvesPerInputKind() {
        RunSettings auto = RunSettings.defaults();
        assertEquals(null, auto.eventMethod());
        assertEquals(EventMethod.ZENI_REFINED, auto.resolvedFor(org.gaitlens.pipeline.InputKind.C3D).eventMethod());
        assertEquals(EventMethod.ZENI_REFINED, auto.resolvedFor(org.gaitlens.pipeline.InputKind.TRC).eventMethod());
        RunSettings video = auto.resolvedFor(org.gaitlens.pipeline.InputKind.VIDEO);
        assertEquals(EventMethod.ZENI_TOE_RISE, video.eventMethod());
        RunSettings named = new RunSettings(auto.softwareVersion(), PoseModel.FULL, Double.NaN,
                EventMethod.ZENI_TOE_RISE, false, CameraView.LEFT_SIDE, true, false);
        assertEquals(named.hash(), video.hash());
        assertEquals(null, S.withOverrides(Map.of("event_method", "auto")).eventMethod());
        assertEquals(EventMethod.ZENI, S.resolvedFor(org.gaitlens.pipeline.InputKind.C3D).eventMethod(),
                "a named method is kept");
        assertThrows(IllegalStateException.class, auto::hash,
                "an unresolved auto is never stored");
    }
}
