package org.gaitlens.metric;

/**
 * The healthy-adult reference ranges of the {@link Metric} table, each with its published source or the
 * product's own choice and why; the rationale per row is in {@code docs/metrics.md}.
 */
final class HealthyRanges {
    private static final String PB = References.PERRY_BURNFIELD_2010;

    static final ReferenceRange CADENCE = new ReferenceRange(100, 120,
            PB + " (mean 113 steps/min); " + References.HOLLMAN_2011 + " for older adults");
    static final ReferenceRange STRIDE_TIME = new ReferenceRange(1.00, 1.20,
            "derived: 120 / cadence for cadence 100-120 steps/min (" + PB + ")");
    static final ReferenceRange STEP_TIME = new ReferenceRange(0.50, 0.60,
            "derived: 60 / cadence for cadence 100-120 steps/min (" + PB + ")");
    static final ReferenceRange STANCE_PCT = new ReferenceRange(57, 65,
            PB + ": stance 60 % at 1.37 m/s; stance share rises at slower speeds (" + References.HOLLMAN_2011 + ")");
    static final ReferenceRange STANCE_TIME = new ReferenceRange(0.57, 0.78,
            "derived: stance 57-65 % of a 1.00-1.20 s stride (" + PB + ")");
    static final ReferenceRange SWING_TIME = new ReferenceRange(0.35, 0.52,
            "derived: swing 35-43 % of a 1.00-1.20 s stride (" + PB + ")");
    static final ReferenceRange SINGLE_SUPPORT = new ReferenceRange(0.35, 0.52,
            "derived: equals the other foot's swing, 35-43 % of a 1.00-1.20 s stride (" + PB + ")");
    static final ReferenceRange DOUBLE_SUPPORT = new ReferenceRange(0.18, 0.36,
            "derived: initial + terminal double support 18-30 % of a 1.00-1.20 s stride (" + PB
                    + ": about 10 % each in young adults; more in older adults, " + References.HOLLMAN_2011 + ")");
    static final ReferenceRange STEP_LENGTH = new ReferenceRange(0.55, 0.80,
            PB + " (stride 1.41 m at free speed, i.e. step about 0.70 m); shorter in older adults ("
                    + References.HOLLMAN_2011 + ")");
    static final ReferenceRange STRIDE_LENGTH = new ReferenceRange(1.10, 1.60,
            "twice the step-length range (" + PB + ")");
    static final ReferenceRange SPEED = new ReferenceRange(1.00, 1.60,
            References.BOHANNON_2011 + ": comfortable speed about 1.1-1.4 m/s from the 20s to the 70s");
    static final ReferenceRange KNEE_IC = new ReferenceRange(0, 10,
            PB + ": knee about 5 deg flexed at initial contact");
    static final ReferenceRange KNEE_LOADING = new ReferenceRange(10, 25,
            PB + " (about 15-20 deg in loading response); " + References.KADABA_1989 + " (between-subject SD ~5 deg)");
    static final ReferenceRange KNEE_SWING = new ReferenceRange(55, 70,
            PB + " (about 60 deg); product choice: 60-70 deg around it, lower bound widened by one between-subject "
                    + "SD (~5 deg, " + References.KADABA_1989 + ")");
    static final ReferenceRange HIP_EXT = new ReferenceRange(10, 25,
            PB + ": about 10 deg hip extension relative to the pelvis, about 20 deg of the thigh to vertical "
                    + "in terminal stance; +5 deg for between-subject SD");
    static final ReferenceRange HIP_FLEX_SWING = new ReferenceRange(20, 40,
            PB + ": thigh about 25 deg flexed in terminal swing (hip to pelvis about 30-35 deg)");
    static final ReferenceRange ANKLE_DF_SWING = new ReferenceRange(-5, 10,
            PB + ": ankle reaches neutral (0 deg) by mid-swing; " + References.WINTER_1991);
    static final ReferenceRange ANKLE_PF_TO = new ReferenceRange(10, 25,
            PB + " (about 15 deg at the end of pre-swing, 20 deg in initial swing); product choice: 15-25 deg "
                    + "around these, lower bound widened because plantarflexion changes by several degrees per video "
                    + "frame around toe off");
    static final ReferenceRange FOOT_CLEARANCE = new ReferenceRange(Double.NaN, Double.NaN,
            "none: marker-based minimum toe clearance is about 1.3 cm (" + References.WINTER_1992
                    + "), but the video foot-tip proxy is not comparable; compare sides instead");
    static final ReferenceRange HEEL_FIRST = new ReferenceRange(0.8, 1.0,
            PB + ": healthy initial contact is heel-first; 0.8 allows one stride in five misclassified (product choice)");
    static final ReferenceRange TRUNK_LEAN = new ReferenceRange(-5, 10,
            PB + ": trunk stays close to upright in walking; wide band for camera and landmark offsets (product choice)");
    static final ReferenceRange TRUNK_SHIFT = new ReferenceRange(-0.052, 0.052,
            "product choice: within 3 deg of vertical (sin 3 deg), same as the trunk-list threshold");
    static final ReferenceRange PELVIC_OBLIQUITY = new ReferenceRange(0, 7,
            PB + ": about 4-5 deg contralateral pelvic drop in loading response; +2 deg for variability");
    static final ReferenceRange STEP_WIDTH = new ReferenceRange(0.05, 0.15,
            "approximate: healthy step width about 0.08-0.10 m (" + PB + ", " + References.HOLLMAN_2011 + ")");
    /** For the quantities that are written per stride but not assessed against a range. */
    static final ReferenceRange NOT_ASSESSED = new ReferenceRange(Double.NaN, Double.NaN,
            "none: written per stride for analysis, not assessed against a healthy range");

    /** For the deviation scores: their healthy values depend on the speed band a session is compared with. */
    static final ReferenceRange DEVIATION = new ReferenceRange(Double.NaN, Double.NaN,
            "the matched speed band's healthy scores (mean, 95th percentile), from the Fukuchi et al. 2018 subjects "
                    + "by leave-one-subject-out (docs/reference.md section 5.2)");

    private HealthyRanges() {
    }
}
