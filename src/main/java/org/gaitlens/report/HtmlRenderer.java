package org.gaitlens.report;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.gaitlens.core.Side;

/**
 * Renders report models to one self-contained HTML file: inline CSS, charts and key frames as
 * {@code data:} URIs, no scripts, no external fonts or links. Responsive from tablet to laptop width and
 * print-friendly (figures and table rows are not split across printed pages). All model text is escaped.
 */
public final class HtmlRenderer {
    private static final String CSS = """
            :root{--left:#0072B2;--right:#D55E00;--flag:#A1437A;--ok:#007A5A;--ink:#222;--muted:#666;--line:#ddd}
            *{box-sizing:border-box}
            body{margin:0;font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;color:var(--ink);background:#fff;line-height:1.45;font-size:15px}
            main{max-width:1100px;margin:0 auto;padding:20px}
            h1{font-size:1.6em;margin:0 0 .3em}h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:2px solid var(--line);padding-bottom:.2em}
            h3{font-size:1.05em;margin:1em 0 .4em}
            dl.header{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:.2em 1.5em;margin:0}
            dl.header div{display:flex;gap:.5em}dl.header dt{color:var(--muted);min-width:7.5em}dl.header dd{margin:0;font-weight:600}
            .summary{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:12px 16px}
            .summary p{margin:.4em 0}.lead{font-size:1.1em;font-weight:600}
            ul.indicators{list-style:none;padding:0;margin:.6em 0}ul.indicators>li{margin:.5em 0;padding-left:.6em;border-left:4px solid var(--line)}
            li.PRESENT{border-left-color:var(--flag)!important}li.POSSIBLE{border-left-color:#E69F00!important}li.NOT_PRESENT{border-left-color:var(--ok)!important}
            .evidence{color:var(--muted);font-size:.92em;margin:.1em 0 0 1.1em;padding:0}
            .quality{font-weight:600}.quality.SUFFICIENT{color:var(--ok)}.quality.LIMITED{color:#9A6700}.quality.INSUFFICIENT{color:var(--flag)}
            .note{color:var(--muted);font-size:.9em}
            .scroll{overflow-x:auto}
            table{border-collapse:collapse;width:100%;font-size:.93em;margin:.3em 0 .6em}
            th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:right;vertical-align:top}
            th:first-child,td:first-child{text-align:left}th{background:#f2f2f2;font-weight:600}
            tr{break-inside:avoid;page-break-inside:avoid}
            .L{color:var(--left)}.R{color:var(--right)}
            .out{color:var(--flag);font-weight:700}.out::after{content:" \\2691"}
            .IMPROVED{color:var(--ok);font-weight:600}.WORSENED{color:var(--flag);font-weight:600}.NO_DETECTABLE_CHANGE{color:var(--muted)}.NOT_AVAILABLE{color:#aaa}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(330px,1fr));gap:14px}
            figure{margin:0;break-inside:avoid;page-break-inside:avoid}figure img{width:100%;height:auto;display:block;border:1px solid #eee}
            figure.full{grid-column:1/-1}figure.full img{max-width:780px}table.plain td,table.plain th{text-align:left}figcaption{font-size:.85em;color:var(--muted);margin-top:.3em}
            .frames{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px}
            footer{margin-top:2em;border-top:1px solid var(--line);padding-top:.5em;color:var(--muted);font-size:.85em}
            @media (max-width:700px){body{font-size:14px}main{padding:12px}.grid{grid-template-columns:1fr}}
            @media print{body{font-size:11pt}main{max-width:none;padding:0}.scroll{overflow:visible}h2{break-after:avoid}}
            @page{margin:14mm}
            """;

    private final RenderOptions options;

    public HtmlRenderer(RenderOptions options) {
        this.options = options == null ? RenderOptions.defaults() : options;
    }

    /** The session report as one HTML document. */
    public String render(SessionReport r) {
        return render(r, SessionCharts.render(r, options.chartScale()));
    }

    /**
     * The session report as one HTML document, with its charts rendered already
     * ({@link SessionCharts#render} at this renderer's chart scale; shared with the PDF).
     */
    public String render(SessionReport r, List<ChartImage> charts) {
        ReportHeader h = r.header();
        StringBuilder b = new StringBuilder(1 << 16);
        open(b, "Gait session report " + h.patientId() + " " + h.sessionDate());
        b.append("<header><h1>Gait session report</h1><dl class=\"header\">");
        for (String[] kv : ReportText.headerRows(h)) {
            b.append("<div><dt>").append(esc(kv[0])).append("</dt><dd>").append(esc(kv[1])).append("</dd></div>");
        }
        b.append("</dl></header>\n");
        deviation(b, r.deviation(), SessionCharts.profile(r, options.chartScale()));
        summary(b, r.summary());
        recordings(b, r.recordings());
        for (MetricTable t : r.tables()) {
            table(b, t);
        }
        for (RepeatabilityTable t : r.repeatability()) {
            repeatability(b, t);
        }
        if (!charts.isEmpty()) {
            b.append("<section><h2>Charts</h2><div class=\"grid\">");
            for (ChartImage c : charts) {
                figure(b, c);
            }
            b.append("</div></section>\n");
        }
        keyFrames(b, r.keyFrames());
        quality(b, r.quality());
        footer(b, h.patientId() + " · " + h.sessionDate() + " · gaitlens " + ReportText.orDash(h.softwareVersion()));
        return b.toString();
    }

    /** The comparison report as one HTML document. */
    public String render(ComparisonReport r) {
        StringBuilder b = new StringBuilder(1 << 16);
        List<SessionColumn> s = r.sessions();
        open(b, "Gait comparison " + r.patientId());
        b.append("<header><h1>Gait comparison across sessions</h1><dl class=\"header\">");
        headerPair(b, "Patient", r.patientId());
        headerPair(b, "Sessions", s.size() + " (" + s.get(0).date() + " to " + s.get(s.size() - 1).date() + ")");
        headerPair(b, "Software", "gaitlens " + ReportText.orDash(r.softwareVersion()));
        b.append("</dl></header>\n");
        if (!r.patternSentences().isEmpty()) {
            b.append("<section class=\"summary\"><h2>Summary per pattern</h2><ul class=\"indicators\">");
            for (PatternSentence p : r.patternSentences()) {
                b.append("<li><strong>").append(esc(p.pattern())).append(":</strong> ").append(esc(p.sentence()))
                        .append(" <span class=\"").append(p.verdict().name()).append("\">[")
                        .append(esc(p.verdict().label())).append("]</span></li>");
            }
            b.append("</ul><p class=\"note\">").append(esc(ComparisonText.RULE)).append("</p></section>\n");
        }
        b.append("<section><h2>Sessions</h2><div class=\"scroll\"><table class=\"plain\"><thead><tr><th>#</th><th>Date</th><th>Label</th>"
                + "<th>Camera view</th><th>Data quality</th></tr></thead><tbody>");
        for (int i = 0; i < s.size(); i++) {
            SessionColumn c = s.get(i);
            b.append("<tr><td>").append(i + 1).append("</td><td>").append(c.date()).append("</td><td>")
                    .append(esc(c.describedLabel())).append("</td><td>").append(esc(ReportText.orDash(c.cameraView())))
                    .append("</td><td class=\"quality ").append(c.quality().name()).append("\">")
                    .append(esc(c.quality().name().toLowerCase(java.util.Locale.ROOT))).append("</td></tr>");
        }
        b.append("</tbody></table></div></section>\n");
        deviationTable(b, r);

        b.append("<section><h2>Change per metric</h2><div class=\"scroll\"><table><thead><tr><th>Metric</th>");
        for (int col : ComparisonText.summaryColumns(s.size())) {
            b.append("<th>").append(esc(ComparisonText.columnTitle(s, col))).append("</th>");
        }
        b.append("<th>Change from first</th><th>Change from previous</th><th>Threshold</th></tr></thead><tbody>");
        for (ChangeRow row : r.changes()) {
            b.append("<tr><td>").append(esc(row.label())).append(row.unit().isEmpty() ? "" : " (" + esc(row.unit()) + ")")
                    .append("</td>");
            for (int col : ComparisonText.summaryColumns(s.size())) {
                b.append("<td>").append(esc(ReportFormat.number(row.values().get(col), row.decimals()))).append("</td>");
            }
            changeCell(b, row, true, s.size());
            changeCell(b, row, false, s.size());
            b.append("<td>").append(esc(ReportText.threshold(row))).append("</td></tr>");
        }
        b.append("</tbody></table></div><p class=\"note\">").append(esc(ComparisonText.changeNote(s.size())))
                .append("</p></section>\n");
        if (s.size() > ComparisonText.MAX_INLINE_SESSIONS) {
            b.append("<section><h2>All values per session</h2><div class=\"scroll\"><table><thead><tr><th>Metric</th>");
            for (int i = 0; i < s.size(); i++) {
                b.append("<th>").append(esc(ComparisonText.columnTitle(s, i))).append("</th>");
            }
            b.append("</tr></thead><tbody>");
            for (ChangeRow row : r.changes()) {
                b.append("<tr><td>").append(esc(row.label())).append("</td>");
                for (Double v : row.values()) {
                    b.append("<td>").append(esc(ReportFormat.number(v, row.decimals()))).append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table></div></section>\n");
        }
        chartSection(b, "Trends", ComparisonCharts.trends(r, options.chartScale()));
        chartSection(b, "First vs latest session", ComparisonCharts.overlays(r, options.chartScale()));
        footer(b, r.patientId() + " · comparison of " + s.size() + " sessions · gaitlens " + ReportText.orDash(r.softwareVersion()));
        return b.toString();
    }

    // ---------------------------------------------------------------- parts

    private static void open(StringBuilder b, String title) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(title)).append("</title><style>").append(CSS).append("</style></head>\n<body><main>\n");
    }

    private static void footer(StringBuilder b, String text) {
        b.append("<footer>").append(esc(text)).append("</footer>\n</main></body></html>\n");
    }

    private static void headerPair(StringBuilder b, String k, String v) {
        b.append("<div><dt>").append(esc(k)).append("</dt><dd>").append(esc(v)).append("</dd></div>");
    }

    private static void summary(StringBuilder b, ReportSummary s) {
        b.append("<section class=\"summary\"><h2>Summary</h2><p class=\"lead\">").append(esc(s.symmetryStatement()))
                .append("</p><p>").append(esc(ReportText.affected(s.affectedSide()))).append("</p>");
        if (!s.indicators().isEmpty()) {
            b.append("<h3>Screening indicators</h3><ul class=\"indicators\">");
            for (IndicatorItem i : s.indicators()) {
                b.append("<li class=\"").append(i.status().name()).append("\"><strong>").append(esc(ReportText.indicatorHeading(i)))
                        .append("</strong><br>").append(esc(i.statement()));
                if (!i.evidence().isEmpty()) {
                    b.append("<ul class=\"evidence\">");
                    for (String e : i.evidence()) {
                        b.append("<li>").append(esc(e)).append("</li>");
                    }
                    b.append("</ul>");
                }
                b.append("</li>");
            }
            b.append("</ul>");
        }
        b.append("<p class=\"quality ").append(s.qualityVerdict().name()).append("\">").append(esc(s.qualityVerdict().sentence()))
                .append(s.qualityStatement().isEmpty() ? "" : ": ").append(esc(s.qualityStatement())).append("</p>")
                .append("<p class=\"note\">").append(esc(ReportText.DISCLAIMER)).append("</p></section>\n");
    }

    /** The "Deviation from healthy walking" section: the words beside the Movement Analysis Profile. */
    private static void deviation(StringBuilder b, DeviationSection d, Optional<ChartImage> profile) {
        if (d == null) {
            return;
        }
        b.append("<section class=\"summary deviation\"><h2>").append(esc(ReportText.DEVIATION_HEADING))
                .append("</h2><div class=\"grid\"><div><p class=\"lead\">").append(esc(d.headline())).append("</p>");
        for (String f : d.findings()) {
            b.append("<p>").append(esc(f)).append("</p>");
        }
        b.append("</div>");
        profile.ifPresent(c -> figure(b, c));
        b.append("</div><p class=\"note\">").append(esc(d.band())).append("</p><p class=\"note\">")
                .append(esc(d.caveat())).append("</p>");
        if (!d.notes().isEmpty()) {
            b.append("<ul class=\"note\">");
            for (String n : d.notes()) {
                b.append("<li>").append(esc(n)).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("<p class=\"note\">").append(esc(d.source())).append("</p></section>\n");
    }

    /** A comparison's GPS-2D per session, when a session has one. */
    private static void deviationTable(StringBuilder b, ComparisonReport r) {
        if (r.deviation() == null) {
            return;
        }
        b.append("<section><h2>").append(esc(ReportText.DEVIATION_HEADING))
                .append("</h2><div class=\"scroll\"><table class=\"plain\"><thead><tr>");
        ComparisonText.DEVIATION_COLUMNS.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (int i = 0; i < r.sessions().size(); i++) {
            b.append("<tr>");
            ComparisonText.deviationCells(r.sessions(), i, r.deviation().sessions().get(i))
                    .forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table></div><p class=\"note\">").append(esc(ComparisonText.deviationNote(r.deviation())))
                .append("</p></section>\n");
    }

    private static void table(StringBuilder b, MetricTable t) {
        b.append("<section><h2>").append(esc(t.title())).append("</h2><div class=\"scroll\"><table><thead><tr>")
                .append("<th>Metric</th><th>Unit</th><th class=\"L\">Left</th><th class=\"R\">Right</th><th>Both / overall</th>")
                .append("<th>Asymmetry</th><th>Reference</th>")
                .append(t.anyNormative() ? "<th>" + esc(ReportText.Z_HEADING) + "</th>" : "").append("</tr></thead><tbody>");
        for (MetricRow row : t.rows()) {
            b.append("<tr><td>").append(esc(row.label())).append("</td><td>").append(esc(row.unit())).append("</td>");
            valueCell(b, ReportText.meanSd(row.left(), row.leftSd(), row.decimals()), row.leftOutOfRange());
            valueCell(b, ReportText.meanSd(row.right(), row.rightSd(), row.decimals()), row.rightOutOfRange());
            valueCell(b, ReportText.meanSd(row.overall(), row.overallSd(), row.decimals()), row.overallOutOfRange());
            valueCell(b, ReportText.asymmetry(row), row.asymmetryFlagged());
            b.append("<td>").append(esc(ReportText.reference(row))).append("</td>");
            if (t.anyNormative()) {
                b.append("<td>").append(esc(ReportText.z(row))).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div><p class=\"note\">")
                .append(esc((t.note().isEmpty() ? "" : t.note() + " ") + "Marked values lie outside the reference range"
                        + " or above the asymmetry threshold. " + ReportText.referenceSources(t)))
                .append("</p></section>\n");
    }

    private static void recordings(StringBuilder b, List<RecordingRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        b.append("<section><h2>Recordings</h2><div class=\"scroll\"><table class=\"plain\"><thead><tr>");
        ReportText.RECORDING_COLUMNS.forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("</tr></thead><tbody>");
        for (RecordingRow r : rows) {
            b.append("<tr>");
            ReportText.recordingCells(r).forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table></div><p class=\"note\">").append(esc(ReportText.RECORDINGS_NOTE))
                .append("</p></section>\n");
    }

    private static void repeatability(StringBuilder b, RepeatabilityTable t) {
        b.append("<section><h2>Repeatability: ").append(esc(t.title().toLowerCase(java.util.Locale.ROOT)))
                .append("</h2><div class=\"scroll\"><table><thead><tr><th>Metric</th>");
        t.columns().forEach(c -> b.append("<th>").append(esc(c)).append("</th>"));
        b.append("<th>Range</th></tr></thead><tbody>");
        for (RepeatabilityTable.Row row : t.rows()) {
            b.append("<tr>");
            ReportText.repeatabilityCells(row).forEach(c -> b.append("<td>").append(esc(c)).append("</td>"));
            b.append("</tr>");
        }
        b.append("</tbody></table></div><p class=\"note\">").append(esc(t.note())).append("</p></section>\n");
    }

    private static void valueCell(StringBuilder b, String text, boolean flagged) {
        b.append(flagged ? "<td class=\"out\">" : "<td>").append(esc(text)).append("</td>");
    }

    private static void changeCell(StringBuilder b, ChangeRow row, boolean fromFirst, int sessions) {
        ChangeCell c = ReportText.latestChange(row, fromFirst);
        b.append("<td class=\"").append(c.verdict().name()).append("\">").append(esc(ReportText.change(row, fromFirst, sessions)))
                .append("</td>");
    }

    private static void figure(StringBuilder b, ChartImage c) {
        b.append("<figure class=\"").append(c.fullWidth() ? "full" : "half").append("\"><img alt=\"").append(esc(c.title()))
                .append("\" width=\"").append(c.widthPx()).append("\" height=\"").append(c.heightPx()).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(c.png())).append("\"><figcaption>").append(esc(c.caption()))
                .append("</figcaption></figure>");
    }

    private static void chartSection(StringBuilder b, String title, List<ChartImage> charts) {
        if (charts.isEmpty()) {
            return;
        }
        b.append("<section><h2>").append(esc(title)).append("</h2><div class=\"grid\">");
        for (ChartImage c : charts) {
            figure(b, c);
        }
        b.append("</div></section>\n");
    }

    private void keyFrames(StringBuilder b, List<KeyFrame> frames) {
        if (frames.isEmpty()) {
            return;
        }
        b.append("<section><h2>Key frames</h2><div class=\"frames\">");
        for (KeyFrame k : frames) {
            Optional<byte[]> img = KeyFrameImages.load(k, options.assetDir());
            b.append("<figure>");
            if (img.isPresent()) {
                b.append("<img alt=\"").append(esc(KeyFrameImages.caption(k))).append("\" src=\"data:")
                        .append(KeyFrameImages.mime(img.get())).append(";base64,")
                        .append(Base64.getEncoder().encodeToString(img.get())).append("\">");
            } else {
                b.append("<p class=\"note\">Image not available: ").append(esc(k.imagePath())).append("</p>");
            }
            b.append("<figcaption class=\"").append(k.side() == Side.LEFT ? "L" : "R").append("\">")
                    .append(esc(KeyFrameImages.caption(k))).append("</figcaption></figure>");
        }
        b.append("</div></section>\n");
    }

    private static void quality(StringBuilder b, QualityPanel q) {
        b.append("<section><h2>Data quality</h2><p class=\"quality ").append(q.verdict().name()).append("\">")
                .append(esc(q.verdict().sentence())).append("</p><table><tbody>");
        row2(b, "Tracking coverage", ReportText.coverage(q));
        row2(b, "Strides used", ReportText.used(q));
        row2(b, "Strides rejected", ReportText.rejectedText(q));
        b.append("</tbody></table>");
        if (!q.warnings().isEmpty()) {
            b.append("<h3>Warnings</h3><ul>");
            for (String w : q.warnings()) {
                b.append("<li>").append(esc(w)).append("</li>");
            }
            b.append("</ul>");
        }
        b.append("</section>\n");
    }

    private static void row2(StringBuilder b, String k, String v) {
        b.append("<tr><td>").append(esc(k)).append("</td><td style=\"text-align:left\">").append(esc(v)).append("</td></tr>");
    }

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
