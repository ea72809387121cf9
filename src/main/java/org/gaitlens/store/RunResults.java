package org.gaitlens.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one finished run stores, written in one transaction together with the run's DONE status.
 *
 * @param summaryJson the whole summary as the analysis produced it (JSON text), kept for the report and for
 *                    values the tall rows do not cover
 * @param metrics     summary, asymmetry and indicator values; (side, metric) unique
 * @param strides     per-stride values; (side, strideIndex, metric) unique
 * @param artifacts   files written under the data directory; (kind, relativePath) unique
 */
public record RunResults(
        String summaryJson, List<MetricValue> metrics, List<StrideValue> strides, List<ArtifactRef> artifacts) {

    public RunResults {
        Checks.notBlank("summaryJson", summaryJson);
        metrics = List.copyOf(metrics);
        strides = List.copyOf(strides);
        artifacts = List.copyOf(artifacts);
        Set<String> keys = new HashSet<>();
        for (MetricValue m : metrics) {
            String key = m.side().map(Enum::name).orElse("-") + "/" + m.metric();
            if (!keys.add(key)) {
                throw new IllegalArgumentException("metric " + m.metric() + " appears twice for side "
                        + m.side().map(Enum::name).orElse("(none)"));
            }
        }
        keys.clear();
        for (StrideValue s : strides) {
            if (!keys.add(s.side() + "/" + s.strideIndex() + "/" + s.metric())) {
                throw new IllegalArgumentException("stride metric " + s.metric() + " appears twice for "
                        + s.side() + " stride " + s.strideIndex());
            }
        }
        keys.clear();
        for (ArtifactRef a : artifacts) {
            if (!keys.add(a.kind() + "/" + a.relativePath())) {
                throw new IllegalArgumentException("artifact " + a.kind() + " " + a.relativePath() + " appears twice");
            }
        }
    }
}
