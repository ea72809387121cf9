package org.gaitlens.web;

import java.util.regex.Pattern;

/**
 * A failed analysis' stored reason as the web pages show it. The reason was written for the command line: it may
 * start with the server's path of the video ({@code /srv/gaitlens/uploads/video-x.mp4: no walking pass found})
 * and, for a fault in gaitlens itself, be a Java exception ({@code unexpected error: java.lang...}). Therapists see
 * neither: a leading path is dropped, any other path becomes "the video file", and an unexpected error becomes a
 * sentence that says it was not the video's fault and what to do. The stored reason is unchanged (the audit log and
 * the command line keep it).
 */
final class FailureText {
    /** What a therapist sees for a fault in gaitlens rather than in the recording. */
    static final String INTERNAL = "The analysis stopped because of an error in gaitlens, not because of the video. "
            + "Retry it; if it fails again, your administrator finds the details in the server log.";
    /** An absolute path of at least one folder and a file: not inside a word, so "steps/min" is no path. */
    private static final Pattern PATH = Pattern.compile("(?<![\\w.])(?:[A-Za-z]:)?[/\\\\](?:[^\\s/\\\\:;,'\"()]+[/\\\\])+"
            + "[^\\s/\\\\:;,'\"()]*");
    private static final Pattern LEADING_PATH = Pattern.compile("^\\s*" + PATH.pattern() + ":\\s*");

    private FailureText() {
    }

    /** The reason for people; empty for none. */
    static String of(String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        String s = stored.trim();
        if (s.startsWith("unexpected error") || s.matches("^(java|javax|jakarta|org|com)\\.[\\w.$]+(Exception|Error)\\b.*")) {
            return INTERNAL;
        }
        s = LEADING_PATH.matcher(s).replaceFirst("");
        s = PATH.matcher(s).replaceAll("the video file");
        return s.isEmpty() ? INTERNAL : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
