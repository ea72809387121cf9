package org.gaitlens.report;

import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;

/**
 * One recording (clip) of a session pooled from several, for the report's recordings table.
 *
 * @param recording       the recording's name (its file name)
 * @param durationS       duration, s, or {@code null}
 * @param frameRateHz     frame or sample rate, or {@code null}
 * @param resolution      image size, e.g. "1280x720", or {@code null}
 * @param rotationDeg     display rotation of a video, or {@code null}
 * @param passes          its walking passes in words, e.g. "right to left, near leg left"
 * @param stridesUsed     per side, its strides in the pooled results
 * @param stridesRejected per side, its rejected candidate strides
 * @param scale           its px-to-m scale in words, or {@code null}
 * @param note            why it gave no strides (not analysed, or a repeat), or {@code null}
 */
public record RecordingRow(String recording, Double durationS, Double frameRateHz, String resolution,
                           Integer rotationDeg, List<String> passes, Map<Side, Integer> stridesUsed,
                           Map<Side, Integer> stridesRejected, String scale, String note) {
    public RecordingRow {
        Checks.requireText(recording, "recording");
        passes = Checks.list(passes, "passes");
        stridesUsed = Checks.sideMap(stridesUsed, "stridesUsed");
        stridesRejected = Checks.sideMap(stridesRejected, "stridesRejected");
    }
}
