package org.gaitlens.report;

import static org.gaitlens.report.ChartRendering.renderAndCheck;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The gait-phase diagram renders with both sides, and without events. */
class PhaseChartTest {

    @Test
    void phaseChartRenders() throws IOException {
        renderAndCheck(PhaseChart.build(ReportFixtures.session().phases(), 500, 150), "phases.png", true);
    }

    @Test
    void phaseChartWithoutEventsRenders() throws IOException {
        renderAndCheck(PhaseChart.build(new PhaseDiagramData(Map.of()), 500, 150), "phases_empty.png", false);
    }
}
