package org.gaitlens.reference;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The normative statistics of one speed class and age group: curve bands, key values, walking speed and its
 * normalisations, and the healthy distribution of the deviation scores. Every statistic is between subjects; a
 * subject's curve is the mean of its available sides (left and right pooled per subject first).
 *
 * @param speedClass speed condition
 * @param ageGroup   age group
 * @param n          subjects
 * @param curves     per variable, mean and SD over the cycle
 * @param keyValues  key values read from each subject's curves (names and definitions in docs/reference.md)
 * @param walking    speed ({@code speed_m_per_s}), leg length ({@code leg_length_m}), Froude number
 *                   ({@code froude}), speed in leg lengths per second ({@code speed_leg_per_s}), age
 *                   ({@code age_years}) and height ({@code height_m})
 * @param healthy    leave-one-subject-out GPS-2D and GVS
 */
public record ReferenceGroup(SpeedClass speedClass, AgeGroup ageGroup, int n, Map<GaitVariable, CurveBand> curves,
        Map<String, ValueStats> keyValues, Map<String, ValueStats> walking, HealthyScores healthy) {

    /** Key of the Froude number in {@link #walking}: speed squared over gravity times leg length. */
    public static final String FROUDE = "froude";
    /** Key of the speed in leg lengths per second in {@link #walking}. */
    public static final String SPEED_LEG_PER_S = "speed_leg_per_s";
    /** Key of the walking speed in {@link #walking}, m/s. */
    public static final String SPEED_M_PER_S = "speed_m_per_s";

    public ReferenceGroup {
        if (speedClass == null || ageGroup == null) {
            throw new IllegalArgumentException("speed class and age group are required");
        }
        if (!curves.keySet().containsAll(java.util.EnumSet.allOf(GaitVariable.class))) {
            throw new IllegalArgumentException(speedClass.key() + "/" + ageGroup.key() + ": curves of "
                    + curves.keySet() + ", need all of " + java.util.Arrays.toString(GaitVariable.values()));
        }
        curves = Collections.unmodifiableMap(new EnumMap<>(curves));
        keyValues = Collections.unmodifiableMap(new LinkedHashMap<>(keyValues));
        walking = Collections.unmodifiableMap(new LinkedHashMap<>(walking));
    }

    /** The band of one variable. */
    public CurveBand curve(GaitVariable v) {
        return curves.get(v);
    }

    /** A walking statistic ({@link #FROUDE}, {@link #SPEED_LEG_PER_S}, ...), or {@code null}. */
    public ValueStats walking(String key) {
        return walking.get(key);
    }
}
