package org.gaitlens.report;

import java.util.List;
import java.util.Objects;

import org.gaitlens.core.Side;

/**
 * The plain-language answer at the top of the session report.
 *
 * @param symmetryStatement how symmetric the gait is, in one or two sentences
 * @param affectedSide      the side that appears affected, or {@code null} when none
 * @param indicators        screening indicators (antalgic, foot drop / steppage, weak push-off, knee pattern,
 *                          trunk list, ...), each with evidence
 * @param qualityVerdict    whether the data quality allows a conclusion
 * @param qualityStatement  why (e.g. "12 left and 11 right strides, 97 % tracking coverage")
 */
public record ReportSummary(String symmetryStatement, Side affectedSide, List<IndicatorItem> indicators,
                            QualityVerdict qualityVerdict, String qualityStatement) {
    public ReportSummary {
        Checks.requireText(symmetryStatement, "symmetryStatement");
        indicators = Checks.list(indicators, "indicators");
        Objects.requireNonNull(qualityVerdict, "qualityVerdict");
        qualityStatement = qualityStatement == null ? "" : qualityStatement;
    }
}
