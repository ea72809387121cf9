package org.gaitlens.web;

import org.gaitlens.core.ProgressListener;
import org.gaitlens.store.AnalysisRun;

/**
 * Executes one claimed analysis run end to end: the analysis into the run's artifact folder, then its results
 * stored with {@code RunRepository.complete} in one transaction. Throws when the analysis fails; the worker then
 * records the failure. The batch runner's executor can take this role unchanged.
 */
@FunctionalInterface
public interface AnalysisExecutor {
    void execute(AnalysisRun claimed, ProgressListener progress) throws Exception;
}
