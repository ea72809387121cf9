package org.gaitlens.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.gaitlens.store.AnalysisRun;
import org.gaitlens.store.RunStatus;
import org.junit.jupiter.api.Test;

/**
 * Defect: after a crash the run page showed stale progress, then a bare "running" until the heartbeat timeout.
 * Now it says what happened, when it happened and when the analysis resumes.
 */
class RunProgressTest {
    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
    private final RunProgress progress = new RunProgress("host:1:web-new", Duration.ofSeconds(10),
            Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));

    private static AnalysisRun running(String worker, Instant heartbeat) {
        return new AnalysisRun(7, 3, "hash", "{}", "1.0", RunStatus.RUNNING, Optional.of(worker), 1,
                NOW.minusSeconds(600), Optional.of(NOW.minusSeconds(300)), Optional.of(heartbeat), Optional.empty(),
                Optional.empty(), OptionalLong.empty());
    }

    @Test
    void aRunWhoseServerStoppedSaysSoAndWhenItResumes() {
        String shown = progress.describe(running("host:2:web-old-0", NOW.minusSeconds(45)));
        assertTrue(shown.startsWith("interrupted: the server stopped during this analysis"), shown);
        // stale after 60 s, last sign of life 45 s ago: about 15 s left (rounded up)
        assertTrue(shown.contains("in about 16 s"), shown);
    }

    @Test
    void aRunWithAFreshHeartbeatElsewhereIsRunningThere() {
        assertEquals("running in another gaitlens process (its progress is shown there)",
                progress.describe(running("host:2:batch-0", NOW.minusSeconds(3))));
    }

    @Test
    void thisServersRunShowsItsStageAndStaleProgressIsNotShownAfterARestart() {
        AnalysisRun mine = running("host:1:web-new-0", NOW.minusSeconds(1));
        progress.update(7, "pose", 40, 100);
        assertEquals("pose 40 %", progress.describe(mine));
        // a new server after a crash has no progress of the old one's run: it does not show the old stage
        RunProgress restarted = new RunProgress("host:3:web-newer", Duration.ofSeconds(10), Duration.ofSeconds(60),
                Clock.fixed(NOW, ZoneOffset.UTC));
        assertTrue(restarted.describe(running("host:1:web-new-0", NOW.minusSeconds(30))).startsWith("interrupted"));
    }
}
