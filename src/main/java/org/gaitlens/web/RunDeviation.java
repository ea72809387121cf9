package org.gaitlens.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gaitlens.metric.Metric;
import org.gaitlens.report.ReportFormat;

/**
 * The run page's card on the deviation from healthy walking, read from the run's stored {@code summary.json}
 * ({@code deviation}: format in {@code docs/reference.md} section 6): GPS-2D with its 95 % CI against the healthy
 * mean and 95th percentile, the GVS and GPS-2D per side, and the band with why it was chosen. A summary without the
 * entry (a frontal view, an analysis by an earlier gaitlens) or one that cannot be read gives no card. Labels,
 * units and decimals come from the metric table's deviation scores.
 *
 * @param headline    the overall GPS-2D against healthy walkers
 * @param rows        GVS hip, knee and ankle, then GPS-2D, left and right
 * @param healthyBand the dataset and band, and why the band was chosen (not named {@code band}: a keyword of the
 *                    templates' expression language)
 * @param caveat      what GPS-2D is not
 */
record RunDeviation(String headline, List<Row> rows, String healthyBand, String caveat) {
    /** One score row: its label and unit, and the left and right values as shown. */
    record Row(String name, String unit, String left, String right) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Metric> GVS = List.of(Metric.GVS_HIP_DEG, Metric.GVS_KNEE_DEG, Metric.GVS_ANKLE_DEG);

    /** The card of a run's summary, if it has a deviation entry. */
    static Optional<RunDeviation> of(String summaryJson) {
        JsonNode d;
        try {
            d = JSON.readTree(summaryJson).path("deviation");
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!d.isObject()) {
            return Optional.empty();
        }
        Metric gps = Metric.GPS2D_DEG;
        JsonNode overall = d.path("gps2d").path("overall");
        JsonNode healthy = d.path("healthy");
        String headline = (overall.path("value").isNumber()
                ? gps.label() + " " + gps.formatWithUnit(overall.path("value").asDouble()) + ci(overall.path("ci95"), gps)
                : gps.label() + " not computed (see the report's notes)")
                + "; healthy walkers at this speed: mean " + number(healthy.path("gps2d_mean"), gps)
                + ", 95th percentile " + number(healthy.path("gps2d_p95"), gps) + " " + gps.unit() + ".";
        List<Row> rows = new ArrayList<>();
        for (Metric m : GVS) {
            String key = m.key().replace("gvs_", "").replace("_deg", "");
            rows.add(new Row(m.label(), m.unit(), number(d.path("gvs").path("left").path(key), m),
                    number(d.path("gvs").path("right").path(key), m)));
        }
        rows.add(new Row(gps.label(), gps.unit(),
                number(d.path("gps2d").path("left").path("value"), gps),
                number(d.path("gps2d").path("right").path("value"), gps)));
        JsonNode band = d.path("band");
        String bandText = "Healthy band: " + band.path("dataset").asText("") + "; " + band.path("speed_class").asText("")
                + " speed, age group " + band.path("age_group").asText("") + ", n " + band.path("n").asText("")
                + ". Why: " + band.path("why").asText("").replace("+-", "±") + ".";
        return Optional.of(new RunDeviation(headline, rows, bandText, "GPS-2D is a sagittal 2D score from a side "
                + "video: it is not comparable with the 3D Gait Profile Score of a gait laboratory."));
    }

    private static String ci(JsonNode ci95, Metric m) {
        return ci95.isArray() && ci95.size() == 2 ? " (95 % CI " + number(ci95.get(0), m) + "–" + number(ci95.get(1), m)
                + ")" : "";
    }

    private static String number(JsonNode n, Metric m) {
        return ReportFormat.number(n.isNumber() ? n.asDouble() : null, m.decimals());
    }
}
