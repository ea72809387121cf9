package org.gaitlens.gait;

import java.util.List;
import org.gaitlens.motion.CleanMotion;

/** Finds initial contacts and toe offs of both feet in cleaned, direction-normalised motion. */
public interface GaitEventDetector {
    /**
     * Detects events in every walking pass of {@code motion} (using {@link CleanMotion#anterior()}), sorted by
     * time. Events never cross a pass boundary: each pass is searched on its own.
     */
    List<GaitEvent> detect(CleanMotion motion);

    /** Short name of the method for reports, e.g. {@code "Zeni 2008"}. */
    String methodName();
}
