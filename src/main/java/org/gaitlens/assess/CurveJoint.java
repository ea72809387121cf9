package org.gaitlens.assess;

/**
 * The sagittal angle curves that the assessment compares between sides. Sign convention as in
 * {@code docs/angles.md}: flexion and dorsiflexion positive, trunk forward lean positive; each curve
 * is resampled to 101 points over one stride (0-100 % of the gait cycle, initial contact to the
 * next initial contact of the same foot).
 */
public enum CurveJoint {
    /** Hip flexion (+) / extension (-). */
    HIP("hip"),
    /** Knee flexion (+) / hyperextension (-). */
    KNEE("knee"),
    /** Ankle dorsiflexion (+) / plantarflexion (-). */
    ANKLE("ankle"),
    /** Trunk forward lean (+) from vertical; the same trunk curve cut into the strides of each side. */
    TRUNK("trunk");

    private final String key;

    CurveJoint(String key) {
        this.key = key;
    }

    /** Name used in files and tables. */
    public String key() {
        return key;
    }
}
