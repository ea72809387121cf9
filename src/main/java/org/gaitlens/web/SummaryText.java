package org.gaitlens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.gaitlens.core.Side;

/**
 * Sentences for the run page read from a run's stored {@code summary.json}. Reads the keys the summary has
 * carried over versions ({@code assessment.symmetry.level}, and {@code affectedSide} or the older
 * {@code affected_side}); an unreadable or older summary gives no sentence rather than an error. Besides the
 * symmetry sentence: a warning when the affected side recorded for the patient contradicts the analysis.
 */
final class SummaryText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryText() {
    }

    /**
     * The assessment's symmetry sentence, e.g. {@code Symmetry: mildly asymmetric, affected side left}; empty when
     * the summary has no symmetry level or cannot be read.
     */
    static String symmetry(String summaryJson) {
        try {
            JsonNode sym = JSON.readTree(summaryJson).path("assessment").path("symmetry");
            String level = sym.path("level").asText("");
            String side = sym.path("affectedSide").asText(sym.path("affected_side").asText(""));
            if (level.isEmpty()) {
                return "";
            }
            String text = "Symmetry: " + level.toLowerCase(Locale.ROOT).replace('_', ' ');
            if (side.isEmpty() || side.equals("null")) {
                return text;
            }
            // A symmetric gait can still carry a screening indicator on one side; say so instead of "affected".
            return level.equals("SYMMETRIC") ? text + "; a screening indicator concerns the " + side.toLowerCase(Locale.ROOT)
                    + " side" : text + ", affected side " + side.toLowerCase(Locale.ROOT);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * A warning when the patient's record names an affected side and the analysis found the gait asymmetric with the
     * other side affected; empty when they agree, when either names none, or when the gait was judged symmetric.
     */
    static Optional<String> sideConflict(String summaryJson, Optional<Side> declared) {
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode sym = JSON.readTree(summaryJson).path("assessment").path("symmetry");
            String level = sym.path("level").asText("");
            String side = sym.path("affectedSide").asText(sym.path("affected_side").asText("")).toUpperCase(Locale.ROOT);
            if (level.isEmpty() || level.equals("SYMMETRIC") || !(side.equals("LEFT") || side.equals("RIGHT"))
                    || side.equals(declared.get().name())) {
                return Optional.empty();
            }
            String recorded = declared.get().name().toLowerCase(Locale.ROOT);
            return Optional.of("The patient's record says the " + recorded + " side is affected, but this analysis "
                    + "found the " + side.toLowerCase(Locale.ROOT) + " side affected. Check the record, and check that "
                    + "left and right were not mixed up: gaitlens names the patient's own left and right.");
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
