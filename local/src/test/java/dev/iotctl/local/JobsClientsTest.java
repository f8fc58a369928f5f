package dev.iotctl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.gateway.TestPki;
import dev.iotctl.local.http.AwsClients;
import dev.iotctl.local.http.HttpApiConfig;
import dev.iotctl.local.http.StandIn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.crt.iot.MqttRequestResponseClientOptions;
import software.amazon.awssdk.crt.iot.StreamingOperation;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.iot.V2ClientStreamOptions;
import software.amazon.awssdk.iot.iotjobs.IotJobsClient;
import software.amazon.awssdk.iot.iotjobs.IotJobsV2Client;
import software.amazon.awssdk.iot.iotjobs.model.DescribeJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsRequest;
import software.amazon.awssdk.iot.iotjobs.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.V2ErrorResponseException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeJobResponse;
import software.amazon.awssdk.services.iot.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.VersionConflictException;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * Unmodified AWS clients against the assembled stand-in's Jobs service: the AWS IoT Device SDK for
 * Java v2's {@code iotjobs} clients (request/response V2 and the V1 publish/subscribe client) over
 * mutual TLS with the shipped device policy, the AWS SDK for Java v2 {@code IotClient} for the
 * control plane and its {@code IotJobsDataPlaneClient} for the HTTP device API.
 */
class JobsClientsTest {
  @TempDir static Path dir;
  static StandIn standIn;
  static IotClient iot;

  @BeforeAll
  static void start() {
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
    iot = AwsClients.iot(standIn.url());
  }

  @AfterAll
  static void stop() {
    iot.close();
    standIn.close();
  }

  private static String thingArn(String thing) {
    return "arn:aws:iot:us-east-1:" + StandIn.ACCOUNT_ID + ":thing/" + thing;
  }

  private static Path[] provision(String thing) {
    TestPki.Issued issued = Devices.provision(standIn.core, thing);
    Path cert = dir.resolve(thing + ".pem.crt");
    Path key = dir.resolve(thing + ".private.pem.key");
    Pem.writeAtomically(cert, issued.certificatePem());
    Pem.writePrivateKey(key, issued.keys().getPrivate());
    return new Path[] {cert, key};
  }

  private static MqttClientConnection connect(String thing) throws Exception {
    provisioned(thing);
    return connectProvisioned(thing);
  }

  private static void close(MqttClientConnection connection) throws Exception {
    connection.disconnect().get(10, TimeUnit.SECONDS);
    connection.close();
  }

  private static void createJob(String jobId, String thing, String document) {
    iot.createJob(b -> b.jobId(jobId).targets(thingArn(thing)).document(document));
  }

  private static IotJobsV2Client v2(MqttClientConnection connection) {
    return IotJobsV2Client.newFromMqtt311(
        connection,
        MqttRequestResponseClientOptions.builder()
            .withMaxRequestResponseSubscriptions(6)
            .withMaxStreamingSubscriptions(2)
            .withOperationTimeoutSeconds(10)
            .build());
  }

  @Test
  void deviceSdkV2JobsClientRunsAJobFromNotificationToSuccess() throws Exception {
    MqttClientConnection connection = connect("sdk-v2");
    try (IotJobsV2Client jobs = v2(connection)) {
      List<NextJobExecutionChangedEvent> next = new CopyOnWriteArrayList<>();
      NextJobExecutionChangedSubscriptionRequest subscription =
          new NextJobExecutionChangedSubscriptionRequest();
      subscription.thingName = "sdk-v2";
      try (StreamingOperation stream =
          jobs.createNextJobExecutionChangedStream(
              subscription,
              V2ClientStreamOptions.<NextJobExecutionChangedEvent>builder()
                  .withStreamEventHandler(next::add)
                  .build())) {
        stream.open();
        // The stream subscribes asynchronously: create jobs until a notification arrives.
        int[] created = {0};
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  createJob("v2-" + created[0]++, "sdk-v2", "{\"action\":\"reboot\",\"delay\":5}");
                  return !next.isEmpty();
                });
        NextJobExecutionChangedEvent event = next.get(0);
        assertThat(event.execution.jobId).isEqualTo("v2-0");
        assertThat(event.execution.status).isEqualTo(JobStatus.QUEUED);
        assertThat(event.execution.jobDocument).containsEntry("action", "reboot");

        GetPendingJobExecutionsRequest pendingRequest = new GetPendingJobExecutionsRequest();
        pendingRequest.thingName = "sdk-v2";
        GetPendingJobExecutionsResponse pending =
            jobs.getPendingJobExecutions(pendingRequest).get(15, TimeUnit.SECONDS);
        assertThat(pending.queuedJobs).extracting(s -> s.jobId).contains("v2-0");
        assertThat(pending.inProgressJobs).isEmpty();

        StartNextPendingJobExecutionRequest start = new StartNextPendingJobExecutionRequest();
        start.thingName = "sdk-v2";
        start.statusDetails = new HashMap<>(Map.of("step", "downloading"));
        start.stepTimeoutInMinutes = 5L;
        StartNextJobExecutionResponse started =
            jobs.startNextPendingJobExecution(start).get(15, TimeUnit.SECONDS);
        assertThat(started.execution.jobId).isEqualTo("v2-0");
        assertThat(started.execution.status).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(started.execution.versionNumber).isEqualTo(2);
        assertThat(started.execution.statusDetails).containsEntry("step", "downloading");
        assertThat(started.execution.startedAt).isNotNull();

        UpdateJobExecutionRequest done = new UpdateJobExecutionRequest();
        done.thingName = "sdk-v2";
        done.jobId = "v2-0";
        done.status = JobStatus.SUCCEEDED;
        done.expectedVersion = 2;
        done.includeJobExecutionState = true;
        done.includeJobDocument = true;
        UpdateJobExecutionResponse updated =
            jobs.updateJobExecution(done).get(15, TimeUnit.SECONDS);
        assertThat(updated.executionState.status).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(updated.executionState.versionNumber).isEqualTo(3);
        assertThat(updated.jobDocument).containsEntry("action", "reboot");

        DescribeJobResponse described = iot.describeJob(b -> b.jobId("v2-0"));
        assertThat(described.job().statusAsString()).isEqualTo("COMPLETED");
        assertThat(described.job().jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);

        UpdateJobExecutionRequest again = new UpdateJobExecutionRequest();
        again.thingName = "sdk-v2";
        again.jobId = "v2-0";
        again.status = JobStatus.FAILED;
        assertThat(rejection(jobs.updateJobExecution(again)).code)
            .isEqualTo(RejectedErrorCode.INVALID_STATE_TRANSITION);

        DescribeJobExecutionRequest describe = new DescribeJobExecutionRequest();
        describe.thingName = "sdk-v2";
        describe.jobId = "no-such-job";
        assertThat(rejection(jobs.describeJobExecution(describe)).code)
            .isEqualTo(RejectedErrorCode.RESOURCE_NOT_FOUND);
      }
    } finally {
      close(connection);
    }
  }

  @Test
  void deviceSdkV2GetsVersionMismatchWithTheExecutionState() throws Exception {
    createJob("mismatch", provisioned("sdk-vm"), "{\"a\":1}");
    MqttClientConnection connection = connectProvisioned("sdk-vm");
    try (IotJobsV2Client jobs = v2(connection)) {
      UpdateJobExecutionRequest stale = new UpdateJobExecutionRequest();
      stale.thingName = "sdk-vm";
      stale.jobId = "mismatch";
      stale.status = JobStatus.IN_PROGRESS;
      stale.expectedVersion = 7;
      var error = rejection(jobs.updateJobExecution(stale));
      assertThat(error.code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
      assertThat(error.executionState.status).isEqualTo(JobStatus.QUEUED);
      assertThat(error.executionState.versionNumber).isEqualTo(1);
      assertThat(error.clientToken).as("V2 correlates by the echoed token").isNotBlank();
    } finally {
      close(connection);
    }
  }

  @Test
  void deviceSdkV1JobsClientGetsAcceptedRejectedAndNotifyNext() throws Exception {
    MqttClientConnection connection = connect("sdk-v1");
    try {
      IotJobsClient jobs = new IotJobsClient(connection);
      List<NextJobExecutionChangedEvent> next = new CopyOnWriteArrayList<>();
      List<StartNextJobExecutionResponse> started = new CopyOnWriteArrayList<>();
      List<RejectedError> rejected = new CopyOnWriteArrayList<>();
      NextJobExecutionChangedSubscriptionRequest nextRequest =
          new NextJobExecutionChangedSubscriptionRequest();
      nextRequest.thingName = "sdk-v1";
      jobs.SubscribeToNextJobExecutionChangedEvents(
              nextRequest, QualityOfService.AT_LEAST_ONCE, next::add)
          .get(10, TimeUnit.SECONDS);
      StartNextPendingJobExecutionSubscriptionRequest startRequest =
          new StartNextPendingJobExecutionSubscriptionRequest();
      startRequest.thingName = "sdk-v1";
      jobs.SubscribeToStartNextPendingJobExecutionAccepted(
              startRequest, QualityOfService.AT_LEAST_ONCE, started::add)
          .get(10, TimeUnit.SECONDS);
      UpdateJobExecutionSubscriptionRequest updateRequest =
          new UpdateJobExecutionSubscriptionRequest();
      updateRequest.thingName = "sdk-v1";
      updateRequest.jobId = "v1-job";
      jobs.SubscribeToUpdateJobExecutionRejected(
              updateRequest, QualityOfService.AT_LEAST_ONCE, rejected::add)
          .get(10, TimeUnit.SECONDS);

      createJob("v1-job", "sdk-v1", "{\"firmware\":\"2.0\"}");
      await().atMost(Duration.ofSeconds(5)).until(() -> !next.isEmpty());
      assertThat(next.get(0).execution.jobDocument).containsEntry("firmware", "2.0");

      StartNextPendingJobExecutionRequest start = new StartNextPendingJobExecutionRequest();
      start.thingName = "sdk-v1";
      start.clientToken = "v1-start";
      jobs.PublishStartNextPendingJobExecution(start, QualityOfService.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> !started.isEmpty());
      assertThat(started.get(0).clientToken).isEqualTo("v1-start");
      assertThat(started.get(0).execution.status).isEqualTo(JobStatus.IN_PROGRESS);

      UpdateJobExecutionRequest queued = new UpdateJobExecutionRequest();
      queued.thingName = "sdk-v1";
      queued.jobId = "v1-job";
      queued.status = JobStatus.QUEUED;
      queued.clientToken = "v1-bad";
      jobs.PublishUpdateJobExecution(queued, QualityOfService.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(5)).until(() -> !rejected.isEmpty());
      assertThat(rejected.get(0).code).isEqualTo(RejectedErrorCode.INVALID_REQUEST);
      assertThat(rejected.get(0).clientToken).isEqualTo("v1-bad");
    } finally {
      close(connection);
    }
  }

  @Test
  void controlPlaneThroughTheAwsSdkReportsProgressAndAwsErrors() {
    String thing = provisioned("ctl-thing");
    iot.createJob(
        b ->
            b.jobId("ctl")
                .targets(thingArn(thing))
                .document("{\"x\":1}")
                .description("control plane")
                .jobExecutionsRolloutConfig(r -> r.maximumPerMinute(50))
                .timeoutConfig(t -> t.inProgressTimeoutInMinutes(30L)));
    assertThatThrownBy(
            () -> iot.createJob(b -> b.jobId("ctl").targets(thingArn(thing)).document("{}")))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThatThrownBy(
            () -> iot.createJob(b -> b.jobId("ghost").targets(thingArn("nobody")).document("{}")))
        .isInstanceOf(ResourceNotFoundException.class);

    var job = iot.describeJob(b -> b.jobId("ctl")).job();
    assertThat(job.description()).isEqualTo("control plane");
    assertThat(job.jobExecutionsRolloutConfig().maximumPerMinute()).isEqualTo(50);
    assertThat(job.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
    assertThat(job.jobProcessDetails().numberOfQueuedThings()).isEqualTo(1);
    assertThat(job.createdAt()).isNotNull();
    assertThat(iot.getJobDocument(b -> b.jobId("ctl")).document()).isEqualTo("{\"x\":1}");
    assertThat(iot.listJobs(b -> b.status("IN_PROGRESS")).jobs())
        .extracting(s -> s.jobId())
        .contains("ctl");

    var execution = iot.describeJobExecution(b -> b.jobId("ctl").thingName(thing)).execution();
    assertThat(execution.status()).isEqualTo(JobExecutionStatus.QUEUED);
    assertThat(execution.thingArn()).isEqualTo(thingArn(thing));
    assertThat(
            iot.listJobExecutionsForThing(b -> b.thingName(thing))
                .executionSummaries()
                .get(0)
                .jobId())
        .isEqualTo("ctl");
    assertThat(
            iot.listJobExecutionsForJob(b -> b.jobId("ctl")).executionSummaries().get(0).thingArn())
        .isEqualTo(thingArn(thing));

    assertThatThrownBy(
            () -> iot.cancelJobExecution(b -> b.jobId("ctl").thingName(thing).expectedVersion(5L)))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> iot.deleteJob(b -> b.jobId("ctl")))
        .isInstanceOf(InvalidStateTransitionException.class);
    iot.cancelJobExecution(b -> b.jobId("ctl").thingName(thing).expectedVersion(1L));
    assertThat(iot.describeJob(b -> b.jobId("ctl")).job().statusAsString()).isEqualTo("COMPLETED");
    iot.deleteJobExecution(b -> b.jobId("ctl").thingName(thing).executionNumber(1L));
    iot.deleteJob(b -> b.jobId("ctl"));

    iot.createJobTemplate(
        b -> b.jobTemplateId("tpl").description("from a template").document("{\"t\":true}"));
    var tpl = iot.describeJobTemplate(b -> b.jobTemplateId("tpl"));
    assertThat(tpl.document()).isEqualTo("{\"t\":true}");
    iot.createJob(
        b -> b.jobId("from-tpl").targets(thingArn(thing)).jobTemplateArn(tpl.jobTemplateArn()));
    assertThat(iot.getJobDocument(b -> b.jobId("from-tpl")).document()).isEqualTo("{\"t\":true}");
    assertThat(iot.listJobTemplates(b -> b.maxResults(10)).jobTemplates()).hasSize(1);
    iot.deleteJobTemplate(b -> b.jobTemplateId("tpl"));
    iot.cancelJob(b -> b.jobId("from-tpl").reasonCode("NOT_NEEDED").comment("test over"));
    var canceled = iot.describeJob(b -> b.jobId("from-tpl")).job();
    assertThat(canceled.statusAsString()).isEqualTo("CANCELED");
    assertThat(canceled.reasonCode()).isEqualTo("NOT_NEEDED");
    assertThat(canceled.jobProcessDetails().numberOfCanceledThings()).isEqualTo(1);
  }

  @Test
  void jobsDataPlaneServesDevicesOverHttpUnderItsPathPrefix() {
    String thing = provisioned("http-dev");
    createJob("http-job", thing, "{\"op\":\"http\"}");
    try (IotJobsDataPlaneClient data =
        IotJobsDataPlaneClient.builder()
            .endpointOverride(URI.create(standIn.url() + "/jobs-data"))
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
            .httpClient(ApacheHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build()) {
      var pending = data.getPendingJobExecutions(b -> b.thingName(thing));
      assertThat(pending.queuedJobs()).extracting(s -> s.jobId()).containsExactly("http-job");

      var next =
          data.startNextPendingJobExecution(b -> b.thingName(thing).stepTimeoutInMinutes(10L));
      assertThat(next.execution().statusAsString()).isEqualTo("IN_PROGRESS");
      assertThat(next.execution().jobDocument()).isEqualTo("{\"op\":\"http\"}");
      assertThat(next.execution().approximateSecondsBeforeTimedOut()).isBetween(590L, 600L);

      var described = data.describeJobExecution(b -> b.thingName(thing).jobId("$next"));
      assertThat(described.execution().jobId()).isEqualTo("http-job");

      var updated =
          data.updateJobExecution(
              b ->
                  b.thingName(thing)
                      .jobId("http-job")
                      .status("SUCCEEDED")
                      .expectedVersion(2L)
                      .includeJobExecutionState(true));
      assertThat(updated.executionState().statusAsString()).isEqualTo("SUCCEEDED");
      assertThatThrownBy(() -> data.describeJobExecution(b -> b.thingName(thing).jobId("http-job")))
          .isInstanceOf(
              software.amazon.awssdk.services.iotjobsdataplane.model.TerminalStateException.class);
      assertThatThrownBy(
              () ->
                  data.updateJobExecution(
                      b -> b.thingName(thing).jobId("http-job").status("IN_PROGRESS")))
          .isInstanceOf(
              software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException
                  .class);
      assertThat(data.describeJobExecution(b -> b.thingName(thing).jobId("$next")).execution())
          .as("nothing pending")
          .isNull();
    }
  }

  private static final Map<String, Path[]> PROVISIONED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String provisioned(String thing) {
    PROVISIONED.computeIfAbsent(thing, JobsClientsTest::provision);
    return thing;
  }

  private static MqttClientConnection connectProvisioned(String thing) throws Exception {
    Path[] pem = PROVISIONED.get(thing);
    try (AwsIotMqttConnectionBuilder builder =
        AwsIotMqttConnectionBuilder.newMtlsBuilderFromPath(pem[0].toString(), pem[1].toString())) {
      MqttClientConnection connection =
          builder
              .withCertificateAuthorityFromPath(null, standIn.core.rootCaPath().toString())
              .withEndpoint("127.0.0.1")
              .withPort(standIn.core.mqttPort())
              .withClientId(thing)
              .withCleanSession(true)
              .build();
      connection.connect().get(20, TimeUnit.SECONDS);
      return connection;
    }
  }

  private static software.amazon.awssdk.iot.iotjobs.model.V2ErrorResponse rejection(
      java.util.concurrent.CompletableFuture<?> future) throws Exception {
    try {
      future.get(15, TimeUnit.SECONDS);
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof V2ErrorResponseException error) {
        return error.getModeledError();
      }
      throw e;
    }
    throw new AssertionError("the request was accepted");
  }
}
