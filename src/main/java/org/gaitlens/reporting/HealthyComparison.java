package org.gaitlens.reporting;

import java.util.Locale;
import java.util.Objects;
import org.gaitlens.reference.BandChoice;
import org.gaitlens.reference.Deviation;
import org.gaitlens.reference.GaitProfileScore;
import org.gaitlens.reference.NormativeReference;
import org.gaitlens.reference.ReferenceGroup;

/**
 * A side-view session's comparison with healthy walking, as the report builders need it ({@link ReportInput}'s
 * {@code deviation}): the reference's attribution, the matched band itself (curves, key values, speeds and the
 * healthy scores of its subjects) and why it was chosen, and the session's GVS and GPS-2D with their intervals
 * ({@link Deviation}). The band travels with the snapshot, so a rebuilt report draws the band its scores were
 * computed against.
 *
 * @param dataset      short name of the reference, e.g. "Fukuchi et al. 2018"
 * @param citation     the paper to cite
 * @param dataCitation the data set to cite (DOI)
 * @param licence      the data's licence, e.g. "CC BY 4.0"
 * @param toeOffPct    cycle percent at which the reference's key values "at toe off" were read
 * @param band         the matched reference group and why it was chosen
 * @param scores       the session's GVS and GPS-2D with 95 % intervals and the notes on what is missing
 */
public record HealthyComparison(String dataset, String citation, String dataCitation, String licence,
        double toeOffPct, BandChoice band, GaitProfileScore.Scores scores) {

    public HealthyComparison {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(dataCitation, "dataCitation");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(scores, "scores");
    }

    /** The snapshot of a session's deviation. */
    public static HealthyComparison of(Deviation d) {
        NormativeReference r = d.reference();
        return new HealthyComparison(r.dataset(), r.citation(), r.dataCitation(), r.licence(), r.toeOffPct(),
                d.band(), d.scores());
    }

    /** The matched reference group. */
    public ReferenceGroup group() {
        return band.group();
    }

    /** The band in words: "slow speed, all ages, n 42". */
    public String bandLabel() {
        ReferenceGroup g = group();
        String ages = switch (g.ageGroup()) {
            case YOUNG -> "young adults";
            case OLDER -> "older adults";
            case ALL -> "all ages";
        };
        return g.speedClass().key() + " speed, " + ages + ", n " + g.n();
    }

    /**
     * The attribution the licence asks for, short enough for a caption: "Fukuchi et al. 2018, doi:10.7717/peerj.4640;
     * data doi:10.6084/m9.figshare.5722711; CC BY 4.0".
     */
    public String attribution() {
        int doi = citation.lastIndexOf("doi:");
        String paper = doi >= 0 ? citation.substring(doi) : citation;
        return String.format(Locale.ROOT, "%s, %s; data %s; %s", dataset, paper, dataCitation, licence);
    }
}
