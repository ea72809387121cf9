package org.gaitlens.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The metric table: agreed keys and columns, declared aliases, sources, decimals and its rendering in the docs. */
class MetricTableTest {
    private static final Path DOC = Path.of("docs", "metrics.md");
    private static final String BEGIN = "<!-- metric table: generated from org.gaitlens.metric.Metric by MetricTableTest -->";
    private static final String END = "<!-- end of metric table -->";

    @Test
    void keysAreExactlyTheAgreedOnesWithTheAssessedFirst() {
        List<String> assessed = Arrays.stream(Metric.values()).filter(Metric::assessed).map(Metric::key).toList();
        // summary.json "assessment.metrics" lists these, in this order; users' scripts read the keys.
        assertEquals(List.of("stride_time_s", "stance_time_s", "swing_time_s", "stance_pct", "single_support_s",
                "double_support_s", "step_time_s", "step_length_m", "stride_length_m", "speed_m_per_s",
                "cadence_steps_per_min", "knee_flex_ic_deg", "knee_flex_loading_peak_deg", "knee_flex_swing_peak_deg",
                "hip_ext_peak_deg", "hip_flex_swing_peak_deg", "ankle_df_swing_deg", "ankle_pf_toe_off_deg",
                "foot_clearance_rel", "contact_heel_first_frac", "trunk_lean_deg", "trunk_shift_rel",
                "pelvic_obliquity_deg", "step_width_m"), assessed);
        for (Metric m : Metric.values()) {
            assertEquals(m, Metric.fromKey(m.key()));
            assertEquals(m.assessed(), m.ordinal() < Metric.ASSESSED_COUNT, m.key());
        }
        assertThrows(IllegalArgumentException.class, () -> Metric.fromKey("nope"));
    }

    /** The historical names are declared, and a value read from the column keeps its sign rule. */
    @Test
    void aliasesAreDeclaredAndReadable() {
        assertEquals("ankle_dorsi_midswing_deg", Metric.ANKLE_DF_SWING_DEG.column());
        assertEquals("foot_clearance_leg", Metric.FOOT_CLEARANCE_REL.column());
        assertEquals("heel_first_contact", Metric.CONTACT_HEEL_FIRST_FRAC.column());
        assertEquals("trunk_lean_mean_deg", Metric.TRUNK_LEAN_DEG.column());
        assertEquals("ankle_dorsi_toe_off_deg", Metric.ANKLE_PF_TOE_OFF_DEG.column());
        assertEquals(-1, Metric.ANKLE_PF_TOE_OFF_DEG.columnSign(), "dorsiflexion column of a plantarflexion metric");
        assertEquals(Optional.of(Metric.ANKLE_PF_TOE_OFF_DEG), Metric.fromColumn("ankle_dorsi_toe_off_deg"));
        assertEquals(Optional.of(Metric.STRIDE_TIME_S), Metric.fromColumn("stride_time_s"), "no alias: column = key");
        assertEquals(Optional.empty(), Metric.fromColumn("ankle_df_swing_deg"), "a key with an alias is no column");
        long aliased = Arrays.stream(Metric.values()).filter(m -> m.alias().isPresent()).count();
        assertEquals(5, aliased);
        // no name is both a key and another metric's column: an old name must never mean two things
        Set<String> names = new HashSet<>();
        for (Metric m : Metric.values()) {
            assertTrue(names.add(m.key()), m.key());
            m.alias().ifPresent(a -> assertTrue(names.add(a.column()), a.column()));
        }
    }

    @Test
    void anglesAreNeverRatioScale() {
        for (Metric m : Metric.values()) {
            if (m.unit().equals("deg")) {
                assertFalse(m.ratioScale(), m.key());
            }
        }
    }

    /** A reader of a report has no design file: every source is a citation or says it is the product's choice. */
    @Test
    void everyRangeAndThresholdHasASourceInTheRepositoryOrLiterature() {
        for (Metric m : Metric.values()) {
            for (String source : List.of(m.reference().source(), m.changeAnchor().source(), m.definition())) {
                assertFalse(source.isBlank(), m.key());
                assertFalse(source.contains("DESIGN"), m.key() + ": " + source);
            }
        }
        assertEquals(0.05, Metric.SPEED_M_PER_S.changeAnchor().minChange(), 0.0);
        assertEquals(0.10, Metric.SPEED_M_PER_S.changeAnchor().substantialChange(), 0.0);
        assertEquals(100, Metric.CADENCE_STEPS_PER_MIN.reference().low(), 0.0);
        assertEquals(120, Metric.CADENCE_STEPS_PER_MIN.reference().high(), 0.0);
    }

    /** One decimals rule per metric, worded in the class comment of {@link Metric}. */
    @Test
    void decimalsFollowTheDocumentedRule() {
        for (Metric m : Metric.values()) {
            int expected = switch (m.unit()) {
                case "s", "m", "m/s", "fraction" -> 2;
                case "steps/min" -> 0;
                case "deg", "% of stride" -> 1;
                default -> m.key().contains("clearance") || m.key().contains("width") || m.key().contains("shift")
                        ? 3 : 2;
            };
            assertEquals(expected, m.decimals(), m.key());
        }
        assertEquals("0.61 s", Metric.STANCE_TIME_S.formatWithUnit(0.6149));
        assertEquals("81 steps/min", Metric.CADENCE_STEPS_PER_MIN.formatWithUnit(80.6));
        assertEquals("n/a", Metric.STANCE_TIME_S.format(Double.NaN));
    }

    @Test
    void towardRangeIsNoDirectionToJudgeBy() {
        assertFalse(ImprovementDirection.TOWARD_RANGE.resolved());
        assertThrows(IllegalStateException.class, () -> ImprovementDirection.TOWARD_RANGE.gain(1, 2));
        assertEquals(3.0, ImprovementDirection.CLOSER_TO_ZERO.gain(-5, 2), 0.0);
    }

    /**
     * docs/metrics.md holds the table rendered from {@link Metric}; regenerate it with
     * {@code -Dgaitlens.updateGolden=true} (which writes and fails, like the golden files) and review the diff.
     */
    @Test
    void docsShowTheTable() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int from = doc.indexOf(BEGIN);
        int to = doc.indexOf(END);
        assertTrue(from >= 0 && to > from, "docs/metrics.md lacks the generated-table markers");
        String expected = doc.substring(0, from + BEGIN.length()) + "\n" + table() + doc.substring(to);
        if (Boolean.getBoolean("gaitlens.updateGolden")) {
            boolean changed = !expected.equals(doc);
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            fail("update mode wrote " + DOC + (changed ? " (changed)" : " (unchanged)") + ": review and run again");
        }
        assertEquals(expected, doc, "docs/metrics.md is out of date: regenerate with -Dgaitlens.updateGolden=true");
    }

    private static String table() {
        StringBuilder sb = new StringBuilder("| key | column (alias) | label | unit | decimals | assessed | bilateral "
                + "| ratio indices | better | healthy range | range source | healthy dataset key | change threshold "
                + "| threshold source | definition |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Metric m : Metric.values()) {
            String alias = m.alias().map(a -> "`" + a.column() + "`" + (a.sign() < 0 ? " (negated)" : "")).orElse("");
            ReferenceRange r = m.reference();
            String range = r.defined() ? number(r.low()) + " to " + number(r.high()) : "none";
            ChangeAnchor a = m.changeAnchor();
            String threshold = Double.isNaN(a.minChange()) ? "none" : number(a.minChange())
                    + (Double.isNaN(a.substantialChange()) ? "" : " (substantial " + number(a.substantialChange()) + ")");
            sb.append("| `").append(m.key()).append("` | ").append(alias).append(" | ").append(m.label())
                    .append(" | ").append(m.unit()).append(" | ").append(m.decimals()).append(" | ")
                    .append(m.assessed() ? "yes" : "no").append(" | ").append(m.bilateral() ? "yes" : "pooled")
                    .append(" | ").append(m.ratioScale() ? "yes" : "no (difference only)").append(" | ")
                    .append(m.improvement().label()).append(" | ").append(range).append(" | ").append(r.source())
                    .append(" | ").append(m.normativeKey().map(k -> "`" + k + "`").orElse(""))
                    .append(" | ").append(threshold).append(" | ").append(a.source()).append(" | ")
                    .append(m.definition()).append(" |\n");
        }
        return sb.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "open" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
