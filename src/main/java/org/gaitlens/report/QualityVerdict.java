package org.gaitlens.report;

/** Whether the data quality of a session allows a conclusion. */
public enum QualityVerdict {
    /** Enough well-tracked strides per side: indicators and asymmetries can be read. */
    SUFFICIENT("Data quality allows a conclusion"),
    /** Usable with caution (few strides, gaps, one side poorly tracked). */
    LIMITED("Data quality is limited: read the results with caution"),
    /** Too little usable data: no conclusion should be drawn. */
    INSUFFICIENT("Data quality does not allow a conclusion");

    private final String sentence;

    QualityVerdict(String sentence) {
        this.sentence = sentence;
    }

    /** A plain-language sentence for the report. */
    public String sentence() {
        return sentence;
    }
}
