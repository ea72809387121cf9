package org.gaitlens.assess;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gaitlens.core.Side;

/**
 * Whether the session's numbers can be trusted, computed by {@link QualityAssessor}.
 *
 * @param trustworthy      false when any {@code reasons} entry applies
 * @param reasons          why the session is not trustworthy (empty when it is)
 * @param cautions         limitations that do not invalidate the session but must be shown
 * @param stridesUsed      accepted strides per side
 * @param stridesRejected  rejected strides per side
 * @param trackingCoverage fraction of frames tracked
 * @param view             camera view
 * @param scale            scale source
 */
public record QualityVerdict(
        boolean trustworthy,
        List<String> reasons,
        List<String> cautions,
        Map<Side, Integer> stridesUsed,
        Map<Side, Integer> stridesRejected,
        double trackingCoverage,
        CameraView view,
        ScaleBasis scale) {

    public QualityVerdict {
        if (trustworthy != reasons.isEmpty()) {
            throw new IllegalArgumentException("trustworthy must be true exactly when there are no reasons, was "
                    + trustworthy + " with " + reasons);
        }
        reasons = List.copyOf(reasons);
        cautions = List.copyOf(cautions);
        stridesUsed = Collections.unmodifiableMap(new EnumMap<>(stridesUsed));
        stridesRejected = Collections.unmodifiableMap(new EnumMap<>(stridesRejected));
    }
}
