package org.gaitlens.batch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link WorkerIds}: the rule that lets a restarted server or batch give back at once the runs a killed process of
 * this machine held (instead of waiting for their heartbeat to go stale).
 */
class WorkerIdsTest {

    @Test
    void aWorkerOfAProcessThatHasExitedIsDead() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the helper process exits");
        String here = WorkerIds.of("w1");
        String host = here.substring(0, here.indexOf(':'));
        assertTrue(WorkerIds.isDeadLocalWorker(host + ":" + p.pid() + ":w1"), "its process no longer runs");
    }

    @Test
    void aWorkerOfThisProcessOrOfALiveOneIsNotDead() throws IOException, InterruptedException {
        assertFalse(WorkerIds.isDeadLocalWorker(WorkerIds.of("w1")), "this process");
        Process p = new ProcessBuilder("sleep", "30").start();
        try {
            String here = WorkerIds.of("w1");
            String host = here.substring(0, here.indexOf(':'));
            assertFalse(WorkerIds.isDeadLocalWorker(host + ":" + p.pid() + ":web-1"), "a live process");
        } finally {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aWorkerOfAnotherMachineOrWithoutAProcessIdIsNeverTakenForDead() {
        // another machine's process cannot be looked at: its runs wait for their heartbeat to go stale
        assertFalse(WorkerIds.isDeadLocalWorker("some-other-host.example:1:w1"));
        assertFalse(WorkerIds.isDeadLocalWorker("dead-worker"), "names from before worker ids had a process id");
        String here = WorkerIds.of("w1");
        assertFalse(WorkerIds.isDeadLocalWorker(here.substring(0, here.indexOf(':')) + ":notapid:w1"));
    }
}
