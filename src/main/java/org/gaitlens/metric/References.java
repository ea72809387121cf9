package org.gaitlens.metric;

/**
 * The literature the metric table ({@link Metric}) and the assessment rest on, as short citations used in
 * Javadoc, reference-range and threshold sources, evidence sentences and the docs. Numbers quoted from them are
 * listed in {@code docs/metrics.md} and {@code docs/assessment.md} with how they are used.
 */
public final class References {

    private References() {
    }

    /** Robinson RO, Herzog W, Nigg BM. J Manipulative Physiol Ther 1987;10(4):172-176 (symmetry index). */
    public static final String ROBINSON_1987 = "Robinson et al. 1987, J Manipulative Physiol Ther 10:172-176";
    /** Yogev G, Plotnik M, Peretz C, Giladi N, Hausdorff JM. Exp Brain Res 2007;177:336-346 (gait asymmetry GA). */
    public static final String YOGEV_PLOTNIK_2007 =
            "Yogev, Plotnik et al. 2007, Exp Brain Res 177:336-346 (doi:10.1007/s00221-006-0676-3)";
    /** Zifchock RA, Davis I, Higginson J, Royer T. Gait Posture 2008;27(4):622-627 (symmetry angle). */
    public static final String ZIFCHOCK_2008 =
            "Zifchock et al. 2008, Gait Posture 27:622-627 (doi:10.1016/j.gaitpost.2007.08.006)";
    /** Patterson KK, Gage WH, Brooks D, Black SE, McIlroy WE. Gait Posture 2010;31(2):241-246. */
    public static final String PATTERSON_2010 =
            "Patterson et al. 2010, Gait Posture 31:241-246 (doi:10.1016/j.gaitpost.2009.10.014)";
    /** Uhlrich SD, Falisse A, et al. OpenCap. PLoS Comput Biol 2023;19(10):e1011462. */
    public static final String OPENCAP_2023 = "Uhlrich, Falisse et al. 2023 (OpenCap), PLoS Comput Biol 19:e1011462";
    /** Perry J, Burnfield JM. Gait Analysis: Normal and Pathological Function, 2nd ed. SLACK 2010. */
    public static final String PERRY_BURNFIELD_2010 = "Perry & Burnfield 2010, Gait Analysis, 2nd ed.";
    /** Winter DA. The Biomechanics and Motor Control of Human Gait. 2nd ed. Univ. of Waterloo Press 1991. */
    public static final String WINTER_1991 = "Winter 1991, Biomechanics and Motor Control of Human Gait, 2nd ed.";
    /** Winter DA. Foot trajectory in human gait. Phys Ther 1992;72(1):45-53 (minimum toe clearance). */
    public static final String WINTER_1992 = "Winter 1992, Phys Ther 72:45-53";
    /** Hollman JH, McDade EM, Petersen RC. Gait Posture 2011;34(1):111-118. */
    public static final String HOLLMAN_2011 =
            "Hollman et al. 2011, Gait Posture 34:111-118 (doi:10.1016/j.gaitpost.2011.03.024)";
    /** Bohannon RW, Andrews AW. Normal walking speed: a descriptive meta-analysis. Physiotherapy 2011;97(3):182-189. */
    public static final String BOHANNON_2011 = "Bohannon & Andrews 2011, Physiotherapy 97:182-189";
    /** Kadaba MP et al. Repeatability of kinematic, kinetic and EMG data in normal adult gait. J Orthop Res 1989;7:849-860. */
    public static final String KADABA_1989 = "Kadaba et al. 1989, J Orthop Res 7:849-860";
    /** McGinley JL, Baker R, Wolfe R, Morris ME. Gait Posture 2009;29(3):360-369. */
    public static final String MCGINLEY_2009 =
            "McGinley et al. 2009, Gait Posture 29:360-369 (doi:10.1016/j.gaitpost.2008.09.003)";
    /** Perera S, Mody SH, Woodman RC, Studenski SA. J Am Geriatr Soc 2006;54(5):743-749. */
    public static final String PERERA_2006 =
            "Perera et al. 2006, J Am Geriatr Soc 54:743-749 (doi:10.1111/j.1532-5415.2006.00701.x)";
    /** Stenum J, Rossi C, Roemmich RT. PLoS Comput Biol 2021;17(4):e1008935. */
    public static final String STENUM_2021 = "Stenum et al. 2021, PLoS Comput Biol 17:e1008935";
    /** Sadeghi H, Allard P, Prince F, Labelle H. Symmetry and limb dominance in able-bodied gait: a review. Gait Posture 2000;12(1):34-45. */
    public static final String SADEGHI_2000 =
            "Sadeghi et al. 2000, Gait Posture 12:34-45 (doi:10.1016/S0966-6362(00)00070-9)";
    /** Wang et al., Clin Biomech 2022 (stance-time asymmetry and pain in lumbar disc herniation). */
    public static final String WANG_2022 = "Wang et al. 2022, Clin Biomech";
    /** Lee JH et al., J Back Musculoskelet Rehabil 2010;23:49-54 (L5 radiculopathy gait). */
    public static final String LEE_2010 = "Lee et al. 2010, J Back Musculoskelet Rehabil 23:49-54";
    /** Ryu et al., J Korean Acad Rehabil Med 2004;28:586-591 (S1 radiculopathy gait). */
    public static final String RYU_2004 = "Ryu et al. 2004, J Korean Acad Rehabil Med 28:586-591";
    /** Yokogawa et al., PLoS One 2015 (L4 radiculopathy gait). */
    public static final String YOKOGAWA_2015 = "Yokogawa et al. 2015, PLoS One";
    /** Wu et al., J Orthop Surg Res 2019 (trunk list / sciatic scoliosis). */
    public static final String WU_2019 = "Wu et al. 2019, J Orthop Surg Res";
    /** Welch BL. Biometrika 1947;34:28-35 (unequal-variance t). */
    public static final String WELCH_1947 = "Welch 1947, Biometrika 34:28-35";
}
