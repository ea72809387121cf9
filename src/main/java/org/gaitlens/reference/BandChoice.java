package org.gaitlens.reference;

/**
 * The reference group a session is compared with, and why.
 *
 * @param group       the chosen group
 * @param basis       what the speed class was chosen by
 * @param walkerValue the walker's value of the basis (Froude number or dataset-equivalent leg lengths per
 *                    second), {@code NaN} for {@link MatchBasis#NONE}
 * @param why         the reason in words, with the numbers
 */
public record BandChoice(ReferenceGroup group, MatchBasis basis, double walkerValue, String why) {
}
