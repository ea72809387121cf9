package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The run page's deviation card from a stored {@code summary.json}: its rows, missing scores and absent entries. */
class RunDeviationTest {

    @Test
    void cardFromTheSummary() {
        RunDeviation d = RunDeviation.of(WebAppTest.SIDE_SUMMARY).orElseThrow();
        assertEquals("GPS-2D 10.1 deg (95 % CI 10.1–10.1); healthy walkers at this speed: mean 4.5, 95th percentile "
                + "8.4 deg.", d.headline());
        assertEquals(4, d.rows().size(), "GVS hip, knee, ankle, then GPS-2D");
        assertEquals("GVS hip", d.rows().get(0).name());
        assertEquals("11.0", d.rows().get(0).left());
        assertEquals("4.8", d.rows().get(0).right());
        assertEquals("GPS-2D", d.rows().get(3).name());
        assertEquals("12.6", d.rows().get(3).left());
        assertTrue(d.healthyBand().contains("slow speed, age group all, n 42") && d.healthyBand().contains("±"), d.healthyBand());
    }

    /** Scores the summary gives as null (a side without strides) read as a dash, the headline says why. */
    @Test
    void missingScoresAreDashes() {
        String json = WebAppTest.SIDE_SUMMARY.replace("\"overall\":{\"value\":10.12,\"ci95\":[10.09,10.14]}",
                "\"overall\":{\"value\":null,\"ci95\":null}").replace("\"knee\":9.5", "\"knee\":null");
        RunDeviation d = RunDeviation.of(json).orElseThrow();
        assertTrue(d.headline().startsWith("GPS-2D not computed"), d.headline());
        assertEquals("–", d.rows().get(1).right());
    }

    /** A frontal view, an analysis by an earlier gaitlens or an unreadable summary: no card. */
    @Test
    void noCardWithoutTheEntry() {
        assertEquals(Optional.empty(), RunDeviation.of("{}"));
        assertEquals(Optional.empty(), RunDeviation.of("{\"deviation\":null}"));
        assertEquals(Optional.empty(), RunDeviation.of("{not json"));
    }
}
