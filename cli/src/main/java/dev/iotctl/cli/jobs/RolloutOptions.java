package dev.iotctl.cli.jobs;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.iot.model.AbortConfig;
import software.amazon.awssdk.services.iot.model.AbortCriteria;
import software.amazon.awssdk.services.iot.model.CreateJobRequest;
import software.amazon.awssdk.services.iot.model.JobExecutionsRetryConfig;
import software.amazon.awssdk.services.iot.model.JobExecutionsRolloutConfig;
import software.amazon.awssdk.services.iot.model.RetryCriteria;

/**
 * How a job rolls out, as options shared by {@code jobs create} and {@code ota rollout}: rate
 * ({@code jobExecutionsRolloutConfig}), abort criteria ({@code abortConfig}), in-progress timeout
 * ({@code timeoutConfig}) and retries ({@code jobExecutionsRetryConfig}).
 */
public final class RolloutOptions {
  @Option(
      names = "--rate",
      paramLabel = "N",
      description = "Notify at most N things per minute (maximumPerMinute, 1-1000).")
  Integer rate;

  @Option(
      names = "--exponential",
      paramLabel = "BASE:FACTOR",
      description =
          "Exponential rollout: start at BASE things per minute, multiply by FACTOR (1.1-5) each"
              + " time --increase-after is reached; --rate caps it.")
  String exponential;

  @Option(
      names = "--increase-after",
      paramLabel = "N[:succeeded]",
      description =
          "Grow the exponential rate after every N notified things (default: BASE), or N"
              + " succeeded things with ':succeeded'.")
  String increaseAfter;

  @Option(
      names = "--abort-on-failure",
      paramLabel = "PERCENT",
      description = "Cancel the job when this share of finished executions failed, e.g. 20%.")
  String abortOnFailure;

  @Option(
      names = "--abort-failure-type",
      paramLabel = "TYPE",
      defaultValue = "FAILED",
      description =
          "Failures the abort counts: FAILED, REJECTED, TIMED_OUT or ALL (default FAILED).")
  String abortFailureType;

  @Option(
      names = "--abort-min-executed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Judge the abort only once N executions finished (default ${DEFAULT-VALUE}).")
  int abortMinExecuted;

  @Option(
      names = "--timeout-minutes",
      paramLabel = "M",
      description = "An execution IN_PROGRESS longer than M minutes becomes TIMED_OUT.")
  Long timeoutMinutes;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description = "Retry a FAILED or TIMED_OUT execution up to N times (0-10).")
  Integer retries;

  /** Adds the configured settings to a CreateJob request. */
  public CreateJobRequest.Builder applyTo(CreateJobRequest.Builder request) {
    return applyTo(request, true);
  }

  /**
   * Adds the configured settings to a CreateJob request; without {@code withRate}, the rollout rate
   * is left out (a canary of a few devices goes at once).
   */
  public CreateJobRequest.Builder applyTo(CreateJobRequest.Builder request, boolean withRate) {
    if (withRate && (rate != null || exponential != null)) {
      JobExecutionsRolloutConfig.Builder rollout = JobExecutionsRolloutConfig.builder();
      if (rate != null) {
        rollout.maximumPerMinute(rate);
      }
      if (exponential != null) {
        String[] parts = exponential.split(":");
        if (parts.length != 2) {
          throw usage("--exponential takes BASE:FACTOR, e.g. 5:2");
        }
        int base = integer(parts[0], "--exponential BASE");
        double factor = number(parts[1], "--exponential FACTOR");
        String[] after = (increaseAfter == null ? String.valueOf(base) : increaseAfter).split(":");
        int step = integer(after[0], "--increase-after");
        boolean succeeded = after.length > 1 && after[1].equals("succeeded");
        if (after.length > 1 && !succeeded && !after[1].equals("notified")) {
          throw usage("--increase-after takes N, N:notified or N:succeeded");
        }
        rollout.exponentialRate(
            e ->
                e.baseRatePerMinute(base)
                    .incrementFactor(factor)
                    .rateIncreaseCriteria(
                        c -> {
                          if (succeeded) {
                            c.numberOfSucceededThings(step);
                          } else {
                            c.numberOfNotifiedThings(step);
                          }
                        }));
      } else if (increaseAfter != null) {
        throw usage("--increase-after needs --exponential");
      }
      request.jobExecutionsRolloutConfig(rollout.build());
    }
    if (abortOnFailure != null) {
      String percent =
          abortOnFailure.endsWith("%")
              ? abortOnFailure.substring(0, abortOnFailure.length() - 1)
              : abortOnFailure;
      request.abortConfig(
          AbortConfig.builder()
              .criteriaList(
                  AbortCriteria.builder()
                      .failureType(abortFailureType)
                      .action("CANCEL")
                      .thresholdPercentage(number(percent, "--abort-on-failure"))
                      .minNumberOfExecutedThings(abortMinExecuted)
                      .build())
              .build());
    }
    if (timeoutMinutes != null) {
      request.timeoutConfig(t -> t.inProgressTimeoutInMinutes(timeoutMinutes));
    }
    if (retries != null) {
      request.jobExecutionsRetryConfig(
          JobExecutionsRetryConfig.builder()
              .criteriaList(
                  RetryCriteria.builder().failureType("ALL").numberOfRetries(retries).build())
              .build());
    }
    return request;
  }

  private static int integer(String text, String option) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw usage(option + " must be an integer: " + text);
    }
  }

  private static double number(String text, String option) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw usage(option + " must be a number: " + text);
    }
  }

  private static CliException usage(String message) {
    return new CliException(ExitCodes.USAGE, message);
  }
}
