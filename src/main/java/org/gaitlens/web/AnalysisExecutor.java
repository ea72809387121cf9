package org.gaitlens.web;

import org.gaitlens.core.ProgressListener;
import org.gaitlens.store.AnalysisRun;

/**
 * Executes one claimed analysis run end to end: the analysis into the run's artifact folder, then its results
 * stored with {@code RunRepository.complete} in one transaction. When it throws, the worker records the run as
 * failed with the exception's message. In production this is {@code org.gaitlens.batch.RunExecutor} (which records
 * failures itself); tests substitute stand-ins.
 */
@FunctionalInterface
public interface AnalysisExecutor {
    void execute(AnalysisRun claimed, ProgressListener progress) throws Exception;
}
