package org.gaitlens.pipeline;

import java.util.List;

/** Placeholder. */
final class WalkerCheck {
    private WalkerCheck() {
    }

    static void check(List<PooledAnalysis.Clip> clips) {
    }
}
