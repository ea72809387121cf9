package org.gaitlens.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.gaitlens.batch.RunSettings;

/**
 * Settings of the clinic web app.
 *
 * @param bindHost          address to listen on ({@code 127.0.0.1}: this machine only)
 * @param port              TCP port, 0 for any free one (tests)
 * @param workers           background analysis threads
 * @param maxUploadBytes    largest accepted video
 * @param modelsDir         the BlazePose models folder
 * @param sessionIdle       how long a signed-in session lasts without use
 * @param heartbeatInterval how often a working analysis tells the store it is alive
 * @param staleAfter        a running analysis without a heartbeat for this long is taken to be dead (a server
 *                          that was stopped) and is queued again
 * @param secureCookies     mark cookies Secure even on plain HTTP (behind a TLS proxy); they are always Secure
 *                          when the request came over TLS
 * @param analysis          the settings of the analyses the app queues (a patient's recorded height replaces the
 *                          height); the same options as {@code analyze} and {@code batch}
 * @param hostNames         further names the app is reached by (the name a TLS proxy serves it under); requests
 *                          whose {@code Host} is neither one of these nor an address or name of this machine are
 *                          refused ({@link HostCheck})
 */
public record WebConfig(String bindHost, int port, int workers, long maxUploadBytes, Path modelsDir,
        Duration sessionIdle, Duration heartbeatInterval, Duration staleAfter, boolean secureCookies,
        RunSettings analysis, List<String> hostNames) {

    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_UPLOAD_MB = 2048;

    public WebConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (workers < 0 || workers > 64) {
            throw new IllegalArgumentException("workers must be 0-64, was " + workers);
        }
        if (maxUploadBytes <= 0) {
            throw new IllegalArgumentException("maxUploadBytes must be > 0, was " + maxUploadBytes);
        }
        Objects.requireNonNull(modelsDir, "modelsDir");
        Objects.requireNonNull(sessionIdle, "sessionIdle");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(staleAfter, "staleAfter");
        Objects.requireNonNull(analysis, "analysis");
        hostNames = List.copyOf(hostNames);
        for (String h : hostNames) {
            if (!h.matches("[A-Za-z0-9.-]{1,253}")) {
                throw new IllegalArgumentException("host name must be letters, digits, '.' and '-', was '" + h + "'");
            }
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("staleAfter must be at least 3 heartbeat intervals, was " + staleAfter
                    + " with heartbeats every " + heartbeatInterval);
        }
    }

    /**
     * Defaults: loopback, port 8080, one worker per two cores, 2 GB uploads, 12 h sessions, heartbeats every 10 s
     * and a run without one for 30 s queued again (3 heartbeats: a worker that is only slow for a moment keeps its
     * run; one that is gone loses half a minute at most, and a killed server's runs on this machine are queued
     * again at once, see {@link AnalysisWorkers}), analyze's settings, no further host names.
     */
    public static WebConfig defaults(Path modelsDir) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new WebConfig("127.0.0.1", DEFAULT_PORT, Math.max(1, cores / 2), DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
                modelsDir, Duration.ofHours(12), Duration.ofSeconds(10), Duration.ofSeconds(30), false,
                RunSettings.defaults(), List.of());
    }

    public WebConfig withPort(int newPort) {
        return new WebConfig(bindHost, newPort, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, analysis, hostNames);
    }

    public WebConfig withBindHost(String host) {
        return new WebConfig(host, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, analysis, hostNames);
    }

    public WebConfig withWorkers(int n) {
        return new WebConfig(bindHost, port, n, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, analysis, hostNames);
    }

    public WebConfig withMaxUploadBytes(long bytes) {
        return new WebConfig(bindHost, port, workers, bytes, modelsDir, sessionIdle, heartbeatInterval, staleAfter,
                secureCookies, analysis, hostNames);
    }

    public WebConfig withLiveness(Duration heartbeat, Duration stale) {
        return new WebConfig(bindHost, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeat, stale,
                secureCookies, analysis, hostNames);
    }

    public WebConfig withAnalysis(RunSettings settings) {
        return new WebConfig(bindHost, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, settings, hostNames);
    }

    public WebConfig withHostNames(List<String> names) {
        return new WebConfig(bindHost, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, analysis, names);
    }

    public WebConfig withSecureCookies(boolean secure) {
        return new WebConfig(bindHost, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secure, analysis, hostNames);
    }
}
