package dev.iotctl.local.jobs;

import dev.iotctl.core.jobs.ExecutionCounts;
import java.util.List;

/**
 * DescribeJob's view of a job.
 *
 * @param counts executions per status ({@code jobProcessDetails})
 * @param processingTargets the targets still being rolled out, empty once every execution was
 *     released
 */
public record JobView(Job job, ExecutionCounts counts, List<String> processingTargets) {
  public JobView {
    processingTargets = List.copyOf(processingTargets);
  }

  /** Whether the job is still releasing or canceling executions ({@code isConcurrent}). */
  public boolean isConcurrent() {
    return !processingTargets.isEmpty();
  }
}
