package org.gaitlens.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Json;
import org.gaitlens.core.Side;
import org.gaitlens.gait.EventMethod;
import org.gaitlens.gait.GaitSettings;
import org.gaitlens.reference.NormativeReference;
import org.gaitlens.validation.ValidationTrials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code deviation} entry of a side view's summary.json, on a motion-capture trial with two strides per side. */
class DeviationSummaryTest {
    @TempDir
    Path tmp;

    @Test
    void summaryHasTheDeviationObject() throws Exception {
        ValidationTrials.Trial t = ValidationTrials.load("btk_FunctionalWalk");
        GaitSettings gs = GaitSettings.defaults().withEventMethod(EventMethod.ZENI_REFINED);
        SessionAnalysis.Provenance p = new SessionAnalysis.Provenance(Path.of("FunctionalWalk.c3d"), "0".repeat(64),
                "c3d", Map.of());
        List<String> warnings = new ArrayList<>();
        SessionAnalysis.Result r = SessionAnalysis.run(t.sideView(Side.LEFT), gs, p, null, tmp, warnings);
        JsonNode d = Json.mapper().readTree(tmp.resolve(SessionAnalysis.SUMMARY_JSON).toFile()).path("deviation");

        assertEquals("deg", d.path("unit").asText());
        JsonNode band = d.path("band");
        assertTrue(band.path("dataset").asText().startsWith("Fukuchi et al. 2018 ("), band.toString());
        assertTrue(band.path("dataset").asText().contains("doi:10.7717/peerj.4640")
                && band.path("dataset").asText().contains("CC BY 4.0"), band.toString());
        assertEquals("comfortable", band.path("speed_class").asText());
        assertEquals("all", band.path("age_group").asText());
        assertEquals(42, band.path("n").asInt());
        assertEquals("froude", band.path("basis").asText());
        assertTrue(band.path("why").asText().contains("closest to the comfortable class"), band.toString());

        // the written numbers are the result's, rounded to 0.01 deg
        double overall = r.deviation().scores().overall().valueDeg();
        assertEquals(overall, d.path("gps2d").path("overall").path("value").asDouble(), 0.005);
        for (String side : List.of("left", "right")) {
            assertTrue(d.path("gps2d").path(side).path("value").isNumber(), side);
            for (String joint : List.of("hip", "knee", "ankle")) {
                assertTrue(d.path("gvs").path(side).path(joint).isNumber(), side + " " + joint);
            }
        }
        // two strides per side: no interval, and the notes say why
        assertTrue(d.path("gps2d").path("overall").path("ci95").isNull(), d.toString());
        assertTrue(d.path("notes").toString().contains("at least 3 needed for a confidence interval"), d.toString());
        var healthy = NormativeReference.fukuchi2018().group(org.gaitlens.reference.SpeedClass.COMFORTABLE,
                org.gaitlens.reference.AgeGroup.ALL).healthy().gps2d();
        assertEquals(healthy.mean(), d.path("healthy").path("gps2d_mean").asDouble(), 1e-9);
        assertEquals(healthy.p95(), d.path("healthy").path("gps2d_p95").asDouble(), 1e-9);
    }
}
