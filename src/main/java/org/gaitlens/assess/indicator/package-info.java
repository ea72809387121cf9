/**
 * The lumbar screening indicators: one {@link org.gaitlens.assess.indicator.IndicatorRule} per
 * {@link org.gaitlens.assess.Pattern}, run in order by {@link org.gaitlens.assess.indicator.LumbarIndicators}.
 *
 * <p>Where things go: a rule's logic in its own class ({@code AntalgicRule}, ...); a threshold, with its source,
 * in {@link org.gaitlens.assess.IndicatorThresholds}; a measured pose-model reading bias, with the data it
 * was measured on, as a {@link org.gaitlens.assess.PoseCameraBias}; every evidence sentence in
 * {@code Evidence}. A new pattern needs a {@code Pattern} constant, a rule class and its place in
 * {@code LumbarIndicators}. This package reads the assessment's data types ({@code org.gaitlens.assess}); the
 * assessment runs it through {@code LumbarIndicators}.
 */
package org.gaitlens.assess.indicator;
