package org.gaitlens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The report models of the synthetic session and three-session comparison must match the golden JSON
 * files in {@code src/test/resources/golden/}. After an intended model change, regenerate them with
 * {@code mvn test -Dtest=ReportJsonGoldenTest -Dgaitlens.updateGolden=true} (which fails after writing:
 * {@link GoldenFiles}) and review the diff.
 */
class ReportJsonGoldenTest {
    @RegisterExtension
    final GoldenFiles golden = new GoldenFiles("");

    @Test
    void sessionReportMatchesGoldenAndRoundTrips() throws IOException {
        SessionReport report = ReportFixtures.session();
        String json = ReportJson.write(report);
        golden.check("session-report.json", json);
        SessionReport back = ReportJson.read(json, SessionReport.class);
        assertEquals(json, ReportJson.write(back), "write(read(json)) reproduces the JSON");
        assertEquals(report, back, "records with array fields compare by content");
    }

    @Test
    void comparisonReportMatchesGoldenAndRoundTrips() throws IOException {
        ComparisonReport report = ReportFixtures.threeSessions();
        String json = ReportJson.write(report);
        golden.check("comparison-3-sessions.json", json);
        ComparisonReport back = ReportJson.read(json, ComparisonReport.class);
        assertEquals(json, ReportJson.write(back));
        assertEquals(report, back);
    }

    @Test
    void derivedFlagsAreInTheJson() {
        String json = ReportJson.write(ReportFixtures.session());
        assertTrue(json.contains("\"leftOutOfRange\" : true"), "stance % left 53.0 is below 58");
        assertTrue(json.contains("\"asymmetryFlagged\" : true"));
        assertTrue(json.contains("\"sessionDate\" : \"2024-03-05\""), "ISO date");
    }

    @Test
    void keyFrameBytesRoundTripAsBase64() {
        KeyFrame k = new KeyFrame(org.gaitlens.core.Side.LEFT, "Heel strike", 1.0, null, new byte[] {1, 2, 3}, true);
        String json = ReportJson.write(k);
        assertTrue(json.contains("\"pngBytes\" : \"AQID\""), json);
        assertEquals(k, ReportJson.read(json, KeyFrame.class));
    }

    @Test
    void invalidJsonIsReportedWithTheModelName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReportJson.read("{\"label\":\"x\"}", ChangeRow.class));
        assertTrue(e.getMessage().contains("ChangeRow"), e.getMessage());
    }
}
