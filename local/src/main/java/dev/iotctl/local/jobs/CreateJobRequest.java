package dev.iotctl.local.jobs;

import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.TargetSelection;
import java.util.List;
import java.util.Optional;

/**
 * CreateJob's input.
 *
 * @param targets thing and thing-group ARNs
 * @param templateArn a job template to take the document and settings from
 */
public record CreateJobRequest(
    String jobId,
    List<String> targets,
    Optional<String> document,
    Optional<String> documentSource,
    JobSettings settings,
    TargetSelection targetSelection,
    Optional<String> templateArn) {
  public CreateJobRequest {
    targets = List.copyOf(targets);
  }
}
