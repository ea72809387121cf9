package org.gaitlens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * Sentences for the run page read from a run's stored {@code summary.json}. Reads the keys the summary has
 * carried over versions ({@code assessment.symmetry.level}, and {@code affectedSide} or the older
 * {@code affected_side}); an unreadable or older summary gives no sentence rather than an error.
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
}
