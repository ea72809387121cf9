package org.gaitlens.assess;

import org.gaitlens.metric.References;

/**
 * Lumbar-relevant gait patterns screened for, each after its published description (sources per constant,
 * {@code docs/assessment.md} section 4); one rule each in
 * {@code org.gaitlens.assess.indicator}, run by {@link org.gaitlens.assess.indicator.LumbarIndicators}.
 */
public enum Pattern {
    /** Shorter stance and single support on the painful side. */
    ANTALGIC("antalgic gait (less time on the painful leg)", References.WANG_2022),
    /** Dorsiflexor weakness: foot drop, reduced clearance, steppage. */
    L5_FOOT_DROP("L5-type foot drop / steppage (reduced ankle dorsiflexion in swing)", References.LEE_2010),
    /** Plantarflexor weakness: weak push-off. */
    S1_WEAK_PUSH_OFF("S1-type weak push-off (reduced plantarflexion at toe off)", References.RYU_2004),
    /** Quadriceps weakness: more knee flexion after initial contact. */
    L4_KNEE("L4-type knee pattern (more knee flexion in loading response)", References.YOKOGAWA_2015),
    /** Lateral trunk shift in the frontal plane (sciatic list). */
    TRUNK_LIST("trunk list (lateral shift of the trunk)", References.WU_2019);

    private final String label;
    private final String reference;

    Pattern(String label, String reference) {
        this.label = label;
        this.reference = reference;
    }

    /** Words for reports. */
    public String label() {
        return label;
    }

    /** The study that describes the pattern. */
    public String reference() {
        return reference;
    }
}
