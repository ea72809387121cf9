package org.gaitlens.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {

    @Test
    void keysAreExactlyTheAgreedOnes() {
        List<String> keys = Arrays.stream(GaitMetric.values()).map(GaitMetric::key).toList();
        assertEquals(List.of("stride_time_s", "stance_time_s", "swing_time_s", "stance_pct", "single_support_s",
                "double_support_s", "step_time_s", "step_length_m", "stride_length_m", "speed_m_per_s",
                "cadence_steps_per_min", "knee_flex_ic_deg", "knee_flex_loading_peak_deg", "knee_flex_swing_peak_deg",
                "hip_ext_peak_deg", "hip_flex_swing_peak_deg", "ankle_df_swing_deg", "ankle_pf_toe_off_deg",
                "foot_clearance_rel", "contact_heel_first_frac", "trunk_lean_deg", "trunk_shift_rel",
                "pelvic_obliquity_deg", "step_width_m"), keys);
        for (GaitMetric m : GaitMetric.values()) {
            assertEquals(m, GaitMetric.fromKey(m.key()));
        }
        assertThrows(IllegalArgumentException.class, () -> GaitMetric.fromKey("nope"));
    }

    @Test
    void anglesAreNeverRatioScale() {
        for (GaitMetric m : GaitMetric.values()) {
            if (m.unit().equals("deg")) {
                assertFalse(m.ratioScale(), m.key());
            }
        }
    }

    @Test
    void everyRangeAndThresholdHasASource() {
        for (GaitMetric m : GaitMetric.values()) {
            assertFalse(m.reference().source().isBlank(), m.key());
            assertFalse(m.changeAnchor().source().isBlank(), m.key());
        }
        assertEquals(0.05, GaitMetric.SPEED_M_PER_S.changeAnchor().minChange(), 0.0);
        assertEquals(0.10, GaitMetric.SPEED_M_PER_S.changeAnchor().substantialChange(), 0.0);
        assertEquals(100, GaitMetric.CADENCE_STEPS_PER_MIN.reference().low(), 0.0);
        assertEquals(120, GaitMetric.CADENCE_STEPS_PER_MIN.reference().high(), 0.0);
    }

    /** docs/assessment.md documents every metric; keeps the docs from drifting when a metric is added. */
    @Test
    void docsListEveryMetric() throws Exception {
        String doc = Files.readString(Path.of("docs", "assessment.md"));
        for (GaitMetric m : GaitMetric.values()) {
            assertTrue(doc.contains("`" + m.key() + "`"), m.key() + " missing from docs/assessment.md");
        }
    }
}
