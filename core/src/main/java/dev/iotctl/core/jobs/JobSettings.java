package dev.iotctl.core.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The configuration members jobs and job templates share, each optional: {@code description},
 * {@code presignedUrlConfig}, {@code jobExecutionsRolloutConfig}, {@code abortConfig}, {@code
 * timeoutConfig}, {@code jobExecutionsRetryConfig}, and (jobs only) {@code schedulingConfig}.
 */
public record JobSettings(
    Optional<String> description,
    Optional<PresignedUrlConfig> presignedUrl,
    Optional<RolloutConfig> rollout,
    Optional<AbortConfig> abort,
    Optional<TimeoutConfig> timeout,
    Optional<RetryConfig> retry,
    Optional<SchedulingConfig> scheduling) {

  public static final JobSettings NONE =
      new JobSettings(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());

  private static final Pattern DESCRIPTION = Pattern.compile("[^\\p{C}]+");

  /** Reads the members present in a CreateJob, CreateJobTemplate or UpdateJob body. */
  public static JobSettings parse(ObjectNode body) {
    return new JobSettings(
        Validation.string(body, "description", "description")
            .map(d -> Validation.text(d, "description", 0, 2028, DESCRIPTION)),
        Validation.object(body, "presignedUrlConfig", "presignedUrlConfig")
            .map(n -> PresignedUrlConfig.parse(n, "presignedUrlConfig")),
        Validation.object(body, "jobExecutionsRolloutConfig", "jobExecutionsRolloutConfig")
            .map(n -> RolloutConfig.parse(n, "jobExecutionsRolloutConfig")),
        Validation.object(body, "abortConfig", "abortConfig")
            .map(n -> AbortConfig.parse(n, "abortConfig")),
        Validation.object(body, "timeoutConfig", "timeoutConfig")
            .map(n -> TimeoutConfig.parse(n, "timeoutConfig")),
        Validation.object(body, "jobExecutionsRetryConfig", "jobExecutionsRetryConfig")
            .map(n -> RetryConfig.parse(n, "jobExecutionsRetryConfig")),
        Validation.object(body, "schedulingConfig", "schedulingConfig")
            .map(n -> SchedulingConfig.parse(n, "schedulingConfig")));
  }

  /** These settings, with every member {@code over} has replacing this one's. */
  public JobSettings overriddenBy(JobSettings over) {
    return new JobSettings(
        over.description.or(() -> description),
        over.presignedUrl.or(() -> presignedUrl),
        over.rollout.or(() -> rollout),
        over.abort.or(() -> abort),
        over.timeout.or(() -> timeout),
        over.retry.or(() -> retry),
        over.scheduling.or(() -> scheduling));
  }

  public RolloutConfig rolloutOrUnlimited() {
    return rollout.orElse(RolloutConfig.UNLIMITED);
  }

  /** Writes the members present into {@code target}, in AWS's shapes. */
  public ObjectNode writeTo(ObjectNode target) {
    description.ifPresent(d -> target.put("description", d));
    presignedUrl.ifPresent(p -> target.set("presignedUrlConfig", p.toJson()));
    rollout.ifPresent(r -> target.set("jobExecutionsRolloutConfig", r.toJson()));
    abort.ifPresent(a -> target.set("abortConfig", a.toJson()));
    timeout.ifPresent(t -> target.set("timeoutConfig", t.toJson()));
    retry.ifPresent(r -> target.set("jobExecutionsRetryConfig", r.toJson()));
    scheduling.ifPresent(s -> target.set("schedulingConfig", s.toJson()));
    return target;
  }
}
