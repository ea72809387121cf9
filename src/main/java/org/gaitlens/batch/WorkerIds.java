package org.gaitlens.batch;

import java.io.IOException;
import java.net.InetAddress;

/**
 * Names of the workers that claim runs in a study store: {@code HOST:PID:name}, unique on this machine and process,
 * so a run held by a process of this machine that no longer exists can be given back at once.
 */
public final class WorkerIds {
    private static final String HOST = hostName();

    private WorkerIds() {
    }

    /** A worker name unique on this machine and process: {@code HOST:PID:name}. */
    public static String of(String name) {
        return HOST + ":" + ProcessHandle.current().pid() + ":" + name;
    }

    /** Whether {@code worker} names a process on this machine that no longer runs. */
    public static boolean isDeadLocalWorker(String worker) {
        String[] parts = worker.split(":", 3);
        if (parts.length < 3 || !parts[0].equals(HOST)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        if (pid == ProcessHandle.current().pid()) {
            return false;
        }
        return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName().replace(':', '_');
        } catch (IOException e) {
            return env == null || env.isBlank() ? "localhost" : env.replace(':', '_');
        }
    }
}
