package dev.iotctl.local.jobs;

import static dev.iotctl.local.jobs.JobsFixture.groupArn;
import static dev.iotctl.local.jobs.JobsFixture.thingArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.jobs.JobsErrorCode;
import dev.iotctl.core.jobs.JobsException;
import dev.iotctl.core.jobs.TargetSelection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollout engine on a real {@code jobs.db} with a hand-moved clock: rates, exponential growth,
 * abort, timeouts, retries, scheduling, continuous jobs and persistence, every step deterministic.
 */
class RolloutEngineTest {
  @TempDir Path dir;
  JobsFixture f;

  @BeforeEach
  void open() {
    f = new JobsFixture(dir);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }

  @Test
  void maximumPerMinuteReleasesTenThingsPerRolloutMinute() {
    List<String> fleet = f.fleet("fleet", "t", 25);
    f.create(
        "rate",
        List.of(groupArn("fleet")),
        "{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":10}}");

    assertThat(f.released("rate", fleet)).isEqualTo(10);
    assertThat(f.count("rate", ExecutionStatus.QUEUED)).isEqualTo(25);
    assertThat(f.service.describeJob("rate").processingTargets())
        .containsExactly(groupArn("fleet"));
    assertThat(f.on("$aws/things/t000/jobs/notify-next")).hasSize(1);
    assertThat(f.on("$aws/things/t010/jobs/notify-next")).isEmpty();

    f.advance(Duration.ofSeconds(59));
    assertThat(f.released("rate", fleet)).as("still in the first minute").isEqualTo(10);
    f.advance(Duration.ofSeconds(1));
    assertThat(f.released("rate", fleet)).isEqualTo(20);
    f.advance(Duration.ofMinutes(1));
    assertThat(f.released("rate", fleet)).isEqualTo(25);
    assertThat(f.service.describeJob("rate").processingTargets()).isEmpty();
  }

  @Test
  void exponentialRateMultipliesEachTimeTheNotifiedCriterionIsMet() {
    List<String> fleet = f.fleet("fleet", "t", 30);
    f.create(
        "exp",
        List.of(groupArn("fleet")),
        "{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":12,\"exponentialRate\":{"
            + "\"baseRatePerMinute\":2,\"incrementFactor\":2,"
            + "\"rateIncreaseCriteria\":{\"numberOfNotifiedThings\":2}}}}");
    assertThat(f.released("exp", fleet)).isEqualTo(2);
    f.advance(Duration.ofMinutes(1));
    assertThat(f.released("exp", fleet)).as("2 notified: rate 4").isEqualTo(6);
    f.advance(Duration.ofMinutes(1));
    assertThat(f.released("exp", fleet)).as("6 notified: 2*2^3=16, capped at 12").isEqualTo(18);
    f.advance(Duration.ofMinutes(1));
    assertThat(f.released("exp", fleet)).isEqualTo(30);
  }

  @Test
  void succeededCriterionWaitsForSuccesses() {
    List<String> fleet = f.fleet("fleet", "t", 10);
    f.create(
        "exp",
        List.of(groupArn("fleet")),
        "{\"jobExecutionsRolloutConfig\":{\"exponentialRate\":{"
            + "\"baseRatePerMinute\":2,\"incrementFactor\":3,"
            + "\"rateIncreaseCriteria\":{\"numberOfSucceededThings\":2}}}}");
    f.advance(Duration.ofMinutes(1));
    assertThat(f.released("exp", fleet)).as("no success yet: still 2 per minute").isEqualTo(4);
    f.startNext("t000");
    f.report("t000", "exp", ExecutionStatus.SUCCEEDED);
    f.report("t001", "exp", ExecutionStatus.SUCCEEDED);
    f.advance(Duration.ofMinutes(1));
    assertThat(f.released("exp", fleet)).as("2 succeeded: 6 per minute").isEqualTo(10);
  }

  @Test
  void abortCriteriaCancelTheJobAndEveryQueuedExecutionButLetRunningOnesFinish() {
    List<String> fleet = f.fleet("fleet", "t", 20);
    f.create(
        "bad",
        List.of(groupArn("fleet")),
        "{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":5},"
            + "\"abortConfig\":{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"CANCEL\","
            + "\"thresholdPercentage\":50,\"minNumberOfExecutedThings\":2}]}}");
    f.startNext("t002");
    f.startNext("t000");
    f.report("t000", "bad", ExecutionStatus.FAILED);
    assertThat(f.service.describeJob("bad").job().status())
        .as("1 executed < minimum of 2")
        .isEqualTo(JobStatus.IN_PROGRESS);
    f.report("t001", "bad", ExecutionStatus.FAILED);

    Job job = f.service.describeJob("bad").job();
    assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(job.forceCanceled()).isFalse();
    assertThat(job.comment())
        .contains("Job aborted: FAILED executions reached 50% of at least 2 executed things");
    assertThat(f.count("bad", ExecutionStatus.FAILED)).isEqualTo(2);
    assertThat(f.count("bad", ExecutionStatus.IN_PROGRESS)).isEqualTo(1);
    assertThat(f.count("bad", ExecutionStatus.CANCELED))
        .as("2 released + 15 waiting")
        .isEqualTo(17);
    assertThat(f.count("bad", ExecutionStatus.QUEUED)).isZero();

    f.advance(Duration.ofMinutes(5));
    assertThat(f.released("bad", fleet)).as("nothing more released").isEqualTo(5);
    assertThat(f.report("t002", "bad", ExecutionStatus.SUCCEEDED).status())
        .as("a running execution still finishes")
        .isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(f.on("$aws/things/t003/jobs/notify-next").get(1).payload().has("execution"))
        .as("the canceled execution is withdrawn from the device")
        .isFalse();
  }

  @Test
  void inProgressTimeoutTimesOutAndRetriesRequeueUntilUsedUp() {
    f.fleet("g", "t", 1);
    f.create(
        "slow",
        List.of(thingArn("t000")),
        "{\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":2},"
            + "\"jobExecutionsRetryConfig\":{\"criteriaList\":[{\"failureType\":\"TIMED_OUT\","
            + "\"numberOfRetries\":1}]}}");
    f.startNext("t000");
    f.advance(Duration.ofSeconds(119));
    assertThat(f.execution("slow", "t000").status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
    f.advance(Duration.ofSeconds(1));
    JobExecution retried = f.execution("slow", "t000");
    assertThat(retried.status()).as("timed out, then retried").isEqualTo(ExecutionStatus.QUEUED);
    assertThat(retried.retryAttempt()).isEqualTo(1);
    assertThat(
            last(f.on("$aws/things/t000/jobs/notify-next"))
                .payload()
                .at("/execution/status")
                .asText())
        .isEqualTo("QUEUED");

    f.startNext("t000");
    f.advance(Duration.ofMinutes(2));
    assertThat(f.execution("slow", "t000").status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    assertThat(f.service.describeJob("slow").job().status()).isEqualTo(JobStatus.COMPLETED);
    assertThatThrownBy(() -> f.report("t000", "slow", ExecutionStatus.SUCCEEDED))
        .isInstanceOfSatisfying(
            JobsException.class,
            e -> assertThat(e.code()).isEqualTo(JobsErrorCode.INVALID_STATE_TRANSITION));
  }

  @Test
  void stepTimerFromStartNextTimesOut() {
    f.fleet("g", "t", 1);
    f.create("step", List.of(thingArn("t000")), "{}");
    f.service.startNext(
        "t000",
        new dev.iotctl.core.jobs.DeviceRequests.StartNext(
            java.util.Optional.empty(), java.util.Optional.of(1L)));
    assertThat(f.execution("step", "t000").timeoutAt())
        .isEqualTo(f.clock.instant().plusSeconds(60));
    f.advance(Duration.ofMinutes(1));
    assertThat(f.execution("step", "t000").status()).isEqualTo(ExecutionStatus.TIMED_OUT);
  }

  @Test
  void aSnapshotJobCompletesWhenEveryExecutionFinished() {
    f.fleet("g", "t", 2);
    f.create("snap", List.of(groupArn("g")), "{}");
    f.report("t000", "snap", ExecutionStatus.SUCCEEDED);
    assertThat(f.service.describeJob("snap").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
    f.report("t001", "snap", ExecutionStatus.REJECTED);
    Job job = f.service.describeJob("snap").job();
    assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    assertThat(job.completedAt()).contains(f.clock.instant());
  }

  @Test
  void scheduledJobsWaitForTheirStartAndNeedThirtyMinutesLead() {
    f.fleet("g", "t", 3);
    assertThatThrownBy(
            () ->
                f.create(
                    "soon",
                    List.of(groupArn("g")),
                    "{\"schedulingConfig\":{\"startTime\":\"2025-01-01T00:20\"}}"))
        .isInstanceOf(IotException.class)
        .hasMessageContaining("30 minutes");
    f.create(
        "later",
        List.of(groupArn("g")),
        "{\"schedulingConfig\":{\"startTime\":\"2025-01-01T00:31\",\"endTime\":\"2025-01-01T02:00\","
            + "\"endBehavior\":\"CANCEL\"}}");
    assertThat(f.service.describeJob("later").job().status()).isEqualTo(JobStatus.SCHEDULED);
    assertThat(f.startNext("t000")).isEmpty();
    f.advance(Duration.ofMinutes(31));
    assertThat(f.service.describeJob("later").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
    assertThat(f.startNext("t000")).isPresent();
    f.advance(Duration.ofMinutes(89));
    Job ended = f.service.describeJob("later").job();
    assertThat(ended.status()).isEqualTo(JobStatus.CANCELED);
    assertThat(f.count("later", ExecutionStatus.CANCELED)).isEqualTo(2);
    assertThat(f.count("later", ExecutionStatus.IN_PROGRESS)).isEqualTo(1);
  }

  @Test
  void continuousJobsReachThingsAddedLaterAndRemoveThingsThatLeave() {
    f.fleet("g", "a", 1);
    f.targets.things.add("late");
    f.create("cont", List.of(groupArn("g")), "{}", TargetSelection.CONTINUOUS);
    f.report("a000", "cont", ExecutionStatus.SUCCEEDED);
    assertThat(f.service.describeJob("cont").job().status())
        .as("continuous jobs never complete by themselves")
        .isEqualTo(JobStatus.IN_PROGRESS);

    f.targets.groups.get("g").add("late");
    f.service.thingChanged("late");
    assertThat(f.startNext("late")).isPresent();

    f.targets.groups.get("g").remove("late");
    f.service.thingChanged("late");
    assertThat(f.execution("cont", "late").status()).isEqualTo(ExecutionStatus.REMOVED);

    f.targets.groups.get("g").add("late");
    f.service.thingChanged("late");
    JobExecution again = f.execution("cont", "late");
    assertThat(again.status()).isEqualTo(ExecutionStatus.QUEUED);
    assertThat(again.executionNumber()).isEqualTo(2);

    f.targets.things.remove("late");
    f.targets.groups.get("g").remove("late");
    f.service.thingChanged("late");
    assertThat(f.execution("cont", "late").status())
        .as("deleted thing")
        .isEqualTo(ExecutionStatus.REMOVED);
  }

  @Test
  void targetsMustExistAndBelongToThisAccount() {
    f.fleet("g", "t", 1);
    assertThatThrownBy(() -> f.create("x", List.of(thingArn("nope")), "{}"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
    assertThatThrownBy(() -> f.create("x", List.of(groupArn("nope")), "{}"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
    assertThatThrownBy(
            () -> f.create("x", List.of("arn:aws:iot:eu-west-1:123456789012:thing/t000"), "{}"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidRequestException"));
    f.create("x", List.of(thingArn("t000")), "{}");
    assertThatThrownBy(() -> f.create("x", List.of(thingArn("t000")), "{}"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceAlreadyExistsException"));
  }

  @Test
  void cancelDeleteAndForceFollowTheJobStates() {
    f.fleet("g", "t", 2);
    f.create("j", List.of(groupArn("g")), "{}");
    f.startNext("t000");
    assertThatThrownBy(() -> f.service.deleteJob("j", false))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("InvalidStateTransitionException"));
    f.service.cancelJob(
        "j", false, java.util.Optional.of("USER_CANCEL"), java.util.Optional.empty());
    assertThat(f.execution("j", "t000").status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
    assertThat(f.execution("j", "t001").status()).isEqualTo(ExecutionStatus.CANCELED);
    assertThatThrownBy(
            () ->
                f.service.cancelJob(
                    "j", false, java.util.Optional.empty(), java.util.Optional.empty()))
        .isInstanceOf(IotException.class);
    f.service.cancelJob("j", true, java.util.Optional.empty(), java.util.Optional.empty());
    JobExecution forced = f.execution("j", "t000");
    assertThat(forced.status()).isEqualTo(ExecutionStatus.CANCELED);
    assertThat(forced.forceCanceled()).isTrue();
    assertThat(f.service.describeJob("j").job().reasonCode()).contains("USER_CANCEL");

    f.service.deleteJob("j", false);
    assertThat(f.service.describeJob("j").job().status()).isEqualTo(JobStatus.DELETION_IN_PROGRESS);
    f.advance(Duration.ofSeconds(1));
    assertThatThrownBy(() -> f.service.describeJob("j"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
    f.create("j", List.of(groupArn("g")), "{}");
  }

  @Test
  void everythingSurvivesARestartAndTheRateWindowCarriesOn() {
    List<String> fleet = f.fleet("fleet", "t", 15);
    f.create(
        "persist",
        List.of(groupArn("fleet")),
        "{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":10}}");
    f.startNext("t000");
    f.report("t000", "persist", ExecutionStatus.SUCCEEDED);
    f.restart();
    assertThat(f.execution("persist", "t000").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(f.released("persist", fleet)).isEqualTo(10);
    f.advance(Duration.ofSeconds(30));
    assertThat(f.released("persist", fleet)).as("the minute is not over").isEqualTo(10);
    f.advance(Duration.ofSeconds(30));
    assertThat(f.released("persist", fleet)).isEqualTo(15);
  }

  @Test
  void devicesSeeTheNextExecutionWithItsDocumentAndNotificationsFollowTheQueue() {
    f.fleet("g", "t", 1);
    f.create("first", List.of(thingArn("t000")), "{}");
    f.clock.advance(Duration.ofSeconds(1));
    f.create("second", List.of(thingArn("t000")), "{}");
    var next = f.on("$aws/things/t000/jobs/notify-next");
    assertThat(next).hasSize(1);
    assertThat(next.get(0).payload().at("/execution/jobId").asText()).isEqualTo("first");
    assertThat(next.get(0).payload().at("/execution/jobDocument/step").asText()).isEqualTo("run");
    var notify = f.on("$aws/things/t000/jobs/notify");
    assertThat(last(notify).payload().at("/jobs/QUEUED")).hasSize(2);

    f.startNext("t000");
    f.report("t000", "first", ExecutionStatus.SUCCEEDED);
    assertThat(
            last(f.on("$aws/things/t000/jobs/notify-next"))
                .payload()
                .at("/execution/jobId")
                .asText())
        .isEqualTo("second");
    f.report("t000", "second", ExecutionStatus.SUCCEEDED);
    assertThat(last(f.on("$aws/things/t000/jobs/notify-next")).payload().has("execution"))
        .isFalse();
    assertThat(last(f.on("$aws/things/t000/jobs/notify")).payload().get("jobs").isEmpty()).isTrue();
  }

  @Test
  void placeholdersBecomeStandInUrlsAndNeedAPresignRole() {
    f.fleet("g", "t", 1);
    String document =
        "{\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/ota-bucket/fw.bin}\"}";
    assertThatThrownBy(
            () ->
                f.service.createJob(
                    new CreateJobRequest(
                        "nopresign",
                        List.of(thingArn("t000")),
                        java.util.Optional.of(document),
                        java.util.Optional.empty(),
                        dev.iotctl.core.jobs.JobSettings.NONE,
                        TargetSelection.SNAPSHOT,
                        java.util.Optional.empty())))
        .hasMessageContaining("presignedUrlConfig");
    f.service.createJob(
        new CreateJobRequest(
            "ota",
            List.of(thingArn("t000")),
            java.util.Optional.of(document),
            java.util.Optional.empty(),
            dev.iotctl.core.jobs.JobSettings.parse(
                JobsFixture.object(
                    "{\"presignedUrlConfig\":{\"roleArn\":\"arn:aws:iam::123456789012:role/ota\","
                        + "\"expiresInSec\":120}}")),
            TargetSelection.SNAPSHOT,
            java.util.Optional.empty()));
    String url =
        last(f.on("$aws/things/t000/jobs/notify-next"))
            .payload()
            .at("/execution/jobDocument/url")
            .asText();
    assertThat(url)
        .startsWith("http://127.0.0.1:9/files/ota-bucket/fw.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256")
        .contains("X-Amz-Expires=120");
    assertThat(f.service.jobDocument("ota")).isEqualTo(document);
  }

  @Test
  void templatesLendTheirDocumentAndSettingsAndRequestSettingsWin() {
    f.fleet("g", "t", 1);
    f.service.createTemplate(
        "tpl",
        java.util.Optional.empty(),
        java.util.Optional.of("{\"from\":\"template\"}"),
        java.util.Optional.empty(),
        dev.iotctl.core.jobs.JobSettings.parse(
            JobsFixture.object(
                "{\"description\":\"t\",\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":5},"
                    + "\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":3}}")));
    f.service.createJob(
        new CreateJobRequest(
            "fromtpl",
            List.of(thingArn("t000")),
            java.util.Optional.empty(),
            java.util.Optional.empty(),
            dev.iotctl.core.jobs.JobSettings.parse(
                JobsFixture.object("{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":7}}")),
            TargetSelection.SNAPSHOT,
            java.util.Optional.of(JobsFixture.ACCOUNT.arn("jobtemplate", "tpl"))));
    Job job = f.service.describeJob("fromtpl").job();
    assertThat(job.document()).isEqualTo("{\"from\":\"template\"}");
    assertThat(job.settings().timeout().orElseThrow().inProgressTimeoutInMinutes()).contains(5L);
    assertThat(job.settings().rollout().orElseThrow().maximumPerMinute()).contains(7);
    assertThat(job.templateArn()).contains(JobsFixture.ACCOUNT.arn("jobtemplate", "tpl"));
    assertThatThrownBy(
            () ->
                f.service.createTemplate(
                    "tpl",
                    java.util.Optional.empty(),
                    java.util.Optional.of("{}"),
                    java.util.Optional.empty(),
                    dev.iotctl.core.jobs.JobSettings.parse(
                        JobsFixture.object("{\"description\":\"t\"}"))))
        .isInstanceOfSatisfying(
            IotException.class, e -> assertThat(e.errorCode()).isEqualTo("ConflictException"));
    f.service.deleteTemplate("tpl");
    assertThatThrownBy(() -> f.service.describeTemplate("tpl"))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException"));
  }

  @Test
  void unreleasedExecutionsAreInvisibleToTheDevice() {
    f.fleet("g", "t", 3);
    f.create(
        "slow",
        List.of(groupArn("g")),
        "{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":1}}");
    assertThat(f.service.pending("t001")).isEmpty();
    assertThatThrownBy(() -> f.report("t001", "slow", ExecutionStatus.SUCCEEDED))
        .isInstanceOfSatisfying(
            JobsException.class,
            e -> assertThat(e.code()).isEqualTo(JobsErrorCode.RESOURCE_NOT_FOUND));
    assertThat(
            f.service.listExecutionsForJob("slow", java.util.Optional.empty(), null, null).items())
        .as("the control plane sees every execution")
        .hasSize(3);
  }
}
