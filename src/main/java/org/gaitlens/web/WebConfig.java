package org.gaitlens.web;

import java.nio.file.Path;
import java.time.Duration;
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
 */
public record WebConfig(String bindHost, int port, int workers, long maxUploadBytes, Path modelsDir,
        Duration sessionIdle, Duration heartbeatInterval, Duration staleAfter, boolean secureCookies,
        RunSettings analysis) {

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
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("staleAfter must be at least 3 heartbeat intervals, was " + staleAfter
                    + " with heartbeats every " + heartbeatInterval);
        }
    }

    /** Defaults: loopback, port 8080, one worker per two cores, 2 GB uploads, 12 h sessions, analyze's settings. */
    public static WebConfig defaults(Path modelsDir) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new WebConfig("127.0.0.1", DEFAULT_PORT, Math.max(1, cores / 2), DEFAULT_MAX_UPLOAD_MB * 1024 * 1024,
                modelsDir, Duration.ofHours(12), Duration.ofSeconds(10), Duration.ofSeconds(60), false, RunSettings.defaults());
    }

    public WebConfig withPort(int newPort) {
        return new WebConfig(bindHost, newPort, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, analysis);
    }

    public WebConfig withBindHost(String host) {
        return new WebConfig(host, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, analysis);
    }

    public WebConfig withWorkers(int n) {
        return new WebConfig(bindHost, port, n, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, analysis);
    }

    public WebConfig withMaxUploadBytes(long bytes) {
        return new WebConfig(bindHost, port, workers, bytes, modelsDir, sessionIdle, heartbeatInterval, staleAfter,
                secureCookies, analysis);
    }

    public WebConfig withLiveness(Duration heartbeat, Duration stale) {
        return new WebConfig(bindHost, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeat, stale,
                secureCookies, analysis);
    }

    public WebConfig withAnalysis(RunSettings settings) {
        return new WebConfig(bindHost, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secureCookies, settings);
    }

    public WebConfig withSecureCookies(boolean secure) {
        return new WebConfig(bindHost, port, workers, maxUploadBytes, modelsDir, sessionIdle, heartbeatInterval,
                staleAfter, secure, analysis);
    }
}
