package dev.iotctl.core.jobs;

import dev.iotctl.core.topic.IotNames;
import java.util.Objects;
import java.util.Optional;

/**
 * A request topic of the Jobs device API under {@code $aws/things/{thing}/jobs/}: {@code get},
 * {@code start-next}, {@code {jobId}/get} ({@code $next} allowed) and {@code {jobId}/update}.
 * Replies go to the request topic plus {@code /accepted} or {@code /rejected}; the service pushes
 * {@code notify} and {@code notify-next}.
 *
 * @param topic the topic as published
 * @param jobId the job of a DESCRIBE or UPDATE, else null
 */
public record JobsTopic(String topic, String thingName, Kind kind, String jobId) {

  /** Which API a request topic addresses. */
  public enum Kind {
    GET_PENDING,
    START_NEXT,
    DESCRIBE,
    UPDATE,
    /** Under the jobs namespace but no API: answered InvalidTopic on {@code topic/rejected}. */
    INVALID
  }

  /** The job id that DescribeJobExecution resolves to the next pending execution. */
  public static final String NEXT = "$next";

  private static final String PREFIX = "$aws/things/";

  public JobsTopic {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(thingName, "thingName");
    Objects.requireNonNull(kind, "kind");
  }

  /**
   * Parses a topic a device published to. Empty for topics outside {@code
   * $aws/things/{thing}/jobs/}, for the service's own topics ({@code notify}, {@code notify-next})
   * and for replies ({@code …/accepted}, {@code …/rejected}).
   */
  public static Optional<JobsTopic> parse(String topic) {
    if (topic == null || !topic.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] levels = topic.split("/", -1);
    if (levels.length < 4 || !levels[3].equals("jobs") || !IotNames.isValidThingName(levels[2])) {
      return Optional.empty();
    }
    String thing = levels[2];
    String last = levels[levels.length - 1];
    if (levels.length > 4 && (last.equals("accepted") || last.equals("rejected"))) {
      return Optional.empty();
    }
    if (levels.length == 5 && (levels[4].equals("notify") || levels[4].equals("notify-next"))) {
      return Optional.empty();
    }
    if (levels.length == 5 && levels[4].equals("get")) {
      return Optional.of(new JobsTopic(topic, thing, Kind.GET_PENDING, null));
    }
    if (levels.length == 5 && levels[4].equals("start-next")) {
      return Optional.of(new JobsTopic(topic, thing, Kind.START_NEXT, null));
    }
    if (levels.length == 6) {
      String job = levels[4];
      if (levels[5].equals("get") && (job.equals(NEXT) || IotNames.JOB_ID.isValid(job))) {
        return Optional.of(new JobsTopic(topic, thing, Kind.DESCRIBE, job));
      }
      if (levels[5].equals("update") && IotNames.JOB_ID.isValid(job)) {
        return Optional.of(new JobsTopic(topic, thing, Kind.UPDATE, job));
      }
    }
    return Optional.of(new JobsTopic(topic, thing, Kind.INVALID, null));
  }

  public String accepted() {
    return topic + "/accepted";
  }

  public String rejected() {
    return topic + "/rejected";
  }

  /** {@code $aws/things/{thing}/jobs/notify}: the pending list changed. */
  public static String notify(String thingName) {
    return PREFIX + thingName + "/jobs/notify";
  }

  /** {@code $aws/things/{thing}/jobs/notify-next}: the next pending execution changed. */
  public static String notifyNext(String thingName) {
    return PREFIX + thingName + "/jobs/notify-next";
  }

  /** Whether {@code id} is a valid job id ({@code [a-zA-Z0-9_-]}, 1–64 characters). */
  public static boolean isValidJobId(String id) {
    return IotNames.JOB_ID.isValid(id);
  }
}
