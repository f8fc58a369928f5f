package dev.iotctl.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RolloutAndAbortTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void withoutConfigurationEverythingIsReleasedAtOnce() {
    assertThat(RolloutConfig.UNLIMITED.releasable(10_000, 10_000, 0)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void maximumPerMinuteCapsReleasesWithinAMinute() {
    RolloutConfig ten = new RolloutConfig(Optional.of(10), Optional.empty());
    assertThat(ten.releasable(0, 0, 0)).isEqualTo(10);
    assertThat(ten.releasable(7, 7, 0)).isEqualTo(3);
    assertThat(ten.releasable(10, 10, 0)).isZero();
    assertThat(ten.releasable(12, 12, 0)).isZero();
  }

  @Test
  void exponentialRateGrowsByTheFactorEachTimeTheCriterionIsMetUpToTheMaximum() throws Exception {
    RolloutConfig config =
        RolloutConfig.parse(
            json(
                "{\"maximumPerMinute\":50,\"exponentialRate\":{\"baseRatePerMinute\":5,"
                    + "\"incrementFactor\":2,\"rateIncreaseCriteria\":{\"numberOfNotifiedThings\":10}}}"),
            "jobExecutionsRolloutConfig");
    assertThat(config.ratePerMinute(0, 0)).isEqualTo(5);
    assertThat(config.ratePerMinute(9, 0)).isEqualTo(5);
    assertThat(config.ratePerMinute(10, 0)).isEqualTo(10);
    assertThat(config.ratePerMinute(25, 0)).isEqualTo(20);
    assertThat(config.ratePerMinute(30, 0)).isEqualTo(40);
    assertThat(config.ratePerMinute(40, 0)).isEqualTo(50);
  }

  @Test
  void succeededCriterionCountsSuccesses() throws Exception {
    RolloutConfig config =
        RolloutConfig.parse(
            json(
                "{\"exponentialRate\":{\"baseRatePerMinute\":4,\"incrementFactor\":1.5,"
                    + "\"rateIncreaseCriteria\":{\"numberOfSucceededThings\":4}}}"),
            "r");
    assertThat(config.ratePerMinute(100, 3)).isEqualTo(4);
    assertThat(config.ratePerMinute(100, 4)).isEqualTo(6);
    assertThat(config.ratePerMinute(100, 8)).isEqualTo(9);
    assertThat(config.toJson().toString()).contains("\"numberOfSucceededThings\":4");
  }

  @Test
  void rolloutValuesOutsideAwsRangesAreRejected() {
    for (String bad :
        List.of(
            "{\"maximumPerMinute\":0}",
            "{\"maximumPerMinute\":1001}",
            "{\"maximumPerMinute\":\"10\"}",
            "{\"exponentialRate\":{\"baseRatePerMinute\":1,\"incrementFactor\":1.05,"
                + "\"rateIncreaseCriteria\":{\"numberOfNotifiedThings\":1}}}",
            "{\"exponentialRate\":{\"baseRatePerMinute\":1,\"incrementFactor\":1.55,"
                + "\"rateIncreaseCriteria\":{\"numberOfNotifiedThings\":1}}}",
            "{\"exponentialRate\":{\"baseRatePerMinute\":1,\"incrementFactor\":2,"
                + "\"rateIncreaseCriteria\":{}}}",
            "{\"exponentialRate\":{\"incrementFactor\":2,"
                + "\"rateIncreaseCriteria\":{\"numberOfNotifiedThings\":1}}}")) {
      assertThatThrownBy(() -> RolloutConfig.parse(json(bad), "jobExecutionsRolloutConfig"))
          .as(bad)
          .isInstanceOfSatisfying(
              IotException.class,
              e -> assertThat(e.errorCode()).isEqualTo("InvalidRequestException"));
    }
  }

  private static ExecutionCounts counts(long succeeded, long failed, long queued) {
    return new ExecutionCounts(
        Map.of(
            ExecutionStatus.SUCCEEDED, succeeded,
            ExecutionStatus.FAILED, failed,
            ExecutionStatus.QUEUED, queued));
  }

  @Test
  void abortNeedsTheMinimumOfExecutedThingsThenTheThreshold() throws Exception {
    AbortConfig abort =
        AbortConfig.parse(
            json(
                "{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"CANCEL\","
                    + "\"thresholdPercentage\":20,\"minNumberOfExecutedThings\":5}]}"),
            "abortConfig");
    assertThat(abort.firstMet(counts(0, 4, 40))).as("4 executed < 5").isEmpty();
    assertThat(abort.firstMet(counts(4, 1, 40))).as("20% of 5").isPresent();
    assertThat(abort.firstMet(counts(5, 1, 40))).as("16.7% of 6").isEmpty();
    assertThat(abort.firstMet(counts(0, 5, 40)).orElseThrow().describe())
        .isEqualTo("FAILED executions reached 20% of at least 5 executed things");
  }

  @Test
  void failureTypeAllCountsRejectedAndTimedOut() {
    AbortConfig.Criterion all = new AbortConfig.Criterion(FailureType.ALL, new BigDecimal("50"), 2);
    ExecutionCounts counts =
        new ExecutionCounts(
            Map.of(
                ExecutionStatus.SUCCEEDED, 2L,
                ExecutionStatus.REJECTED, 1L,
                ExecutionStatus.TIMED_OUT, 1L));
    assertThat(all.isMet(counts)).isTrue();
    assertThat(new AbortConfig.Criterion(FailureType.FAILED, new BigDecimal("50"), 2).isMet(counts))
        .isFalse();
  }

  @Test
  void abortConfigRejectsOtherActionsAndThreeDecimalPercentages() {
    assertThatThrownBy(
            () ->
                AbortConfig.parse(
                    json(
                        "{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"STOP\","
                            + "\"thresholdPercentage\":20,\"minNumberOfExecutedThings\":5}]}"),
                    "abortConfig"))
        .isInstanceOf(IotException.class);
    assertThatThrownBy(
            () ->
                AbortConfig.parse(
                    json(
                        "{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"CANCEL\","
                            + "\"thresholdPercentage\":10.999,\"minNumberOfExecutedThings\":5}]}"),
                    "abortConfig"))
        .isInstanceOf(IotException.class);
    assertThatThrownBy(() -> AbortConfig.parse(json("{\"criteriaList\":[]}"), "abortConfig"))
        .isInstanceOf(IotException.class);
  }

  @Test
  void settingsRoundTripThroughAwsShapes() throws Exception {
    String body =
        "{\"description\":\"fw\",\"presignedUrlConfig\":{\"roleArn\":\"arn:aws:iam::1:role/ota-url\","
            + "\"expiresInSec\":600},\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":5},"
            + "\"jobExecutionsRetryConfig\":{\"criteriaList\":[{\"failureType\":\"TIMED_OUT\","
            + "\"numberOfRetries\":2}]},\"schedulingConfig\":{\"startTime\":\"2030-01-01T10:00\"}}";
    JobSettings settings = JobSettings.parse(json(body));
    ObjectNode written = settings.writeTo(JSON.createObjectNode());
    assertThat(JobSettings.parse(written)).isEqualTo(settings);
    assertThat(written.at("/schedulingConfig/endBehavior").asText()).isEqualTo("STOP_ROLLOUT");
    assertThat(settings.scheduling().orElseThrow().startTime().orElseThrow())
        .isEqualTo(java.time.Instant.parse("2030-01-01T10:00:00Z"));
  }

  @Test
  void timeoutAndRetryRangesAreChecked() {
    assertThatThrownBy(
            () ->
                JobSettings.parse(
                    json("{\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":10081}}")))
        .isInstanceOf(IotException.class);
    assertThatThrownBy(
            () ->
                JobSettings.parse(
                    json(
                        "{\"jobExecutionsRetryConfig\":{\"criteriaList\":[{\"failureType\":"
                            + "\"REJECTED\",\"numberOfRetries\":1}]}}")))
        .isInstanceOf(IotException.class);
    assertThatThrownBy(
            () ->
                JobSettings.parse(
                    json(
                        "{\"jobExecutionsRetryConfig\":{\"criteriaList\":[{\"failureType\":"
                            + "\"FAILED\",\"numberOfRetries\":11}]}}")))
        .isInstanceOf(IotException.class);
  }
}
