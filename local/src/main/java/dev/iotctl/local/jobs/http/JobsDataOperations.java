package dev.iotctl.local.jobs.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.jobs.DeviceRequests;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobsTopic;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.jobs.DeviceExecution;
import dev.iotctl.local.jobs.JobsService;
import java.util.List;
import java.util.Optional;

/**
 * The {@code iot-jobs-data} API (GetPendingJobExecutions, StartNextPendingJobExecution,
 * DescribeJobExecution, UpdateJobExecution) under {@code /jobs-data}: AWS serves it from its own
 * host, and its paths collide with the control plane's job-execution paths, so on the stand-in's
 * one port it has a path prefix ({@code --endpoint-url http://127.0.0.1:PORT/jobs-data}).
 */
public final class JobsDataOperations implements RouteProvider {
  /** The path prefix of the data plane. */
  public static final String PREFIX = "/jobs-data";

  private final JobsService jobs;

  public JobsDataOperations(JobsService jobs) {
    this.jobs = jobs;
  }

  @Override
  public List<Route> routes() {
    String thing = PREFIX + "/things/{thingName}/jobs";
    return List.of(
        Route.of("GET", thing, "GetPendingJobExecutions", Plane.JOBS_DATA, this::pending),
        Route.of(
            "PUT", thing + "/$next", "StartNextPendingJobExecution", Plane.JOBS_DATA, this::next),
        Route.of(
            "GET", thing + "/{jobId}", "DescribeJobExecution", Plane.JOBS_DATA, this::describe),
        Route.of("POST", thing + "/{jobId}", "UpdateJobExecution", Plane.JOBS_DATA, this::update));
  }

  private ApiResponse pending(ApiRequest request) {
    List<JobExecution> pending = jobs.pending(thing(request));
    ObjectNode body = Json.object();
    ArrayNode inProgress = body.putArray("inProgressJobs");
    ArrayNode queued = body.putArray("queuedJobs");
    for (JobExecution e : pending) {
      ObjectNode summary =
          (e.status() == dev.iotctl.core.jobs.ExecutionStatus.IN_PROGRESS ? inProgress : queued)
              .addObject()
              .put("jobId", e.jobId())
              .put("queuedAt", e.queuedAt().getEpochSecond());
      if (e.startedAt() != null) {
        summary.put("startedAt", e.startedAt().getEpochSecond());
      }
      summary
          .put("lastUpdatedAt", e.lastUpdatedAt().getEpochSecond())
          .put("versionNumber", e.versionNumber())
          .put("executionNumber", e.executionNumber());
    }
    return JobsJson.ok(body);
  }

  private ApiResponse next(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    JobsService.Outcome<Optional<DeviceExecution>> outcome =
        jobs.startNext(thing(request), DeviceRequests.startNext(body));
    ObjectNode reply = Json.object();
    outcome.value().ifPresent(e -> reply.set("execution", execution(e)));
    jobs.publish(outcome.pushes());
    return JobsJson.ok(reply);
  }

  private ApiResponse describe(ApiRequest request) {
    Optional<Long> number =
        request.queryInt("executionNumber", 0, Integer.MAX_VALUE).map(Integer::longValue);
    boolean document = request.queryBoolean("includeJobDocument").orElse(true);
    String jobId = request.path("jobId");
    if (!JobsTopic.NEXT.equals(jobId)) {
      dev.iotctl.core.topic.IotNames.JOB_ID.validate(jobId);
    }
    ObjectNode reply = Json.object();
    jobs.describeForDevice(thing(request), jobId, new DeviceRequests.Describe(number, document))
        .ifPresent(e -> reply.set("execution", execution(e)));
    return JobsJson.ok(reply);
  }

  private ApiResponse update(ApiRequest request) {
    String jobId = dev.iotctl.core.topic.IotNames.JOB_ID.validate(request.path("jobId"));
    DeviceRequests.Update update = DeviceRequests.update(Json.parseObject(request.body()));
    JobsService.Outcome<DeviceExecution> outcome = jobs.update(thing(request), jobId, update);
    ObjectNode reply = Json.object();
    if (update.includeJobExecutionState()) {
      JobExecution e = outcome.value().execution();
      ObjectNode state = reply.putObject("executionState").put("status", e.status().name());
      state.set("statusDetails", JobsJson.details(e.statusDetails()));
      state.put("versionNumber", e.versionNumber());
    }
    outcome.value().document().ifPresent(d -> reply.put("jobDocument", d));
    jobs.publish(outcome.pushes());
    return JobsJson.ok(reply);
  }

  private static String thing(ApiRequest request) {
    return dev.iotctl.core.topic.IotNames.validateThingName(request.path("thingName"));
  }

  /** The data plane's JobExecution: timestamps in whole seconds, the document as a string. */
  private ObjectNode execution(DeviceExecution d) {
    JobExecution e = d.execution();
    ObjectNode node =
        Json.object()
            .put("jobId", e.jobId())
            .put("thingName", e.thingName())
            .put("status", e.status().name());
    node.set("statusDetails", JobsJson.details(e.statusDetails()));
    node.put("queuedAt", e.queuedAt().getEpochSecond());
    if (e.startedAt() != null) {
      node.put("startedAt", e.startedAt().getEpochSecond());
    }
    node.put("lastUpdatedAt", e.lastUpdatedAt().getEpochSecond());
    JobsJson.secondsBeforeTimeout(e, jobs.timing().now())
        .ifPresent(s -> node.put("approximateSecondsBeforeTimedOut", s));
    node.put("versionNumber", e.versionNumber()).put("executionNumber", e.executionNumber());
    d.document().ifPresent(doc -> node.put("jobDocument", doc));
    return node;
  }
}
