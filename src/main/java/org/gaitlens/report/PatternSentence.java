package org.gaitlens.report;

import java.util.Objects;

/**
 * The summary sentence of one pattern across sessions, e.g. pattern "Antalgic gait", sentence
 * "Stance-time asymmetry fell from 14 % to 4 % (threshold 5 %): improved".
 *
 * @param pattern  pattern name
 * @param verdict  the verdict the sentence states
 * @param sentence the sentence
 */
public record PatternSentence(String pattern, ChangeVerdict verdict, String sentence) {
    public PatternSentence {
        Checks.requireText(pattern, "pattern");
        Objects.requireNonNull(verdict, "verdict");
        Checks.requireText(sentence, "sentence");
    }

    /** The sentence for a pattern tracked by one metric row. */
    public static PatternSentence of(String pattern, ChangeRow row) {
        return new PatternSentence(pattern, row.overallVerdict(), row.sentence());
    }
}
