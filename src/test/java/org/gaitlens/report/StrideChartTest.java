package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.renderAndCheck;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Per-stride series render with both sides, and say so when there is no stride. */
class StrideChartTest {

    @Test
    void strideChartRenders() throws IOException {
        renderAndCheck(StrideChart.build(ReportFixtures.session().strideSeries().get(0), 245, 190),
                "strides.png", true);
    }

    @Test
    void strideChartWithoutStridesSaysNoData() throws IOException {
        XYChart chart = StrideChart.build(new StrideSeries("Stride time", "s", Map.of()), 245, 190);
        assertTrue(chart.getTitle().contains("no data"));
        renderAndCheck(chart, "strides_empty.png", false);
    }
}
