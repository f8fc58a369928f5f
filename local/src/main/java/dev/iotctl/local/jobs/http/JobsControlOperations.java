package dev.iotctl.local.jobs.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.ExecutionCounts;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.jobs.TargetSelection;
import dev.iotctl.core.jobs.Validation;
import dev.iotctl.local.http.error.AlreadyExists;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.jobs.CreateJobRequest;
import dev.iotctl.local.jobs.Job;
import dev.iotctl.local.jobs.JobView;
import dev.iotctl.local.jobs.JobsService;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreateJob, DescribeJob, ListJobs, UpdateJob, CancelJob, DeleteJob, GetJobDocument,
 * AssociateTargetsWithJob, DescribeJobExecution, ListJobExecutionsForJob,
 * ListJobExecutionsForThing, CancelJobExecution, DeleteJobExecution.
 */
public final class JobsControlOperations implements RouteProvider {
  private final JobsService jobs;

  public JobsControlOperations(JobsService jobs) {
    this.jobs = jobs;
  }

  @Override
  public List<Route> routes() {
    String job = "/jobs/{jobId}";
    String execution = "/things/{thingName}/jobs/{jobId}";
    return List.of(
        Route.of("PUT", job, "CreateJob", Plane.CONTROL, this::create),
        Route.of("GET", job, "DescribeJob", Plane.CONTROL, this::describe),
        Route.of("GET", "/jobs", "ListJobs", Plane.CONTROL, this::list),
        Route.of("PATCH", job, "UpdateJob", Plane.CONTROL, this::update),
        Route.of("PUT", job + "/cancel", "CancelJob", Plane.CONTROL, this::cancel),
        Route.of("DELETE", job, "DeleteJob", Plane.CONTROL, this::delete),
        Route.of("GET", job + "/job-document", "GetJobDocument", Plane.CONTROL, this::document),
        Route.of(
            "POST", job + "/targets", "AssociateTargetsWithJob", Plane.CONTROL, this::associate),
        Route.of("GET", execution, "DescribeJobExecution", Plane.CONTROL, this::describeExecution),
        Route.of(
            "GET",
            job + "/things",
            "ListJobExecutionsForJob",
            Plane.CONTROL,
            this::executionsOfJob),
        Route.of(
            "GET",
            "/things/{thingName}/jobs",
            "ListJobExecutionsForThing",
            Plane.CONTROL,
            this::executionsOfThing),
        Route.of(
            "PUT",
            execution + "/cancel",
            "CancelJobExecution",
            Plane.CONTROL,
            this::cancelExecution),
        Route.of(
            "DELETE",
            execution + "/executionNumber/{executionNumber}",
            "DeleteJobExecution",
            Plane.CONTROL,
            this::deleteExecution));
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String jobId = request.path("jobId");
    if (body.hasNonNull("documentParameters")) {
      throw IotException.invalidRequest(
          "documentParameters can only be used with AWS managed job templates");
    }
    TargetSelection selection =
        Fields.string(body, "targetSelection")
            .map(
                s ->
                    Arrays.stream(TargetSelection.values())
                        .filter(v -> v.name().equals(s))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                Validation.invalid(
                                    s,
                                    "targetSelection",
                                    "Member must satisfy enum value set: [CONTINUOUS, SNAPSHOT]")))
            .orElse(TargetSelection.SNAPSHOT);
    CreateJobRequest create =
        new CreateJobRequest(
            jobId,
            JobsJson.stringList(body, "targets"),
            Fields.string(body, "document"),
            Fields.string(body, "documentSource"),
            JobSettings.parse(body),
            selection,
            Fields.string(body, "jobTemplateArn"));
    Job job = AlreadyExists.naming(jobId, () -> jobs.jobArn(jobId), () -> jobs.createJob(create));
    return JobsJson.ok(jobResult(job));
  }

  private ObjectNode jobResult(Job job) {
    ObjectNode body =
        Json.object().put("jobArn", jobs.jobArn(job.jobId())).put("jobId", job.jobId());
    job.settings().description().ifPresent(d -> body.put("description", d));
    return body;
  }

  private ApiResponse describe(ApiRequest request) {
    JobView view = jobs.describeJob(request.path("jobId"));
    Job job = view.job();
    ObjectNode body = Json.object();
    job.documentSource().ifPresent(s -> body.put("documentSource", s));
    ObjectNode j = body.putObject("job");
    j.put("jobArn", jobs.jobArn(job.jobId()))
        .put("jobId", job.jobId())
        .put("targetSelection", job.targetSelection().name())
        .put("status", job.status().name())
        .put("forceCanceled", job.forceCanceled());
    job.reasonCode().ifPresent(r -> j.put("reasonCode", r));
    job.comment().ifPresent(c -> j.put("comment", c));
    ArrayNode targets = j.putArray("targets");
    job.targets().forEach(targets::add);
    job.settings().writeTo(j);
    JobsJson.time(j, "createdAt", job.createdAt());
    JobsJson.time(j, "lastUpdatedAt", job.lastUpdatedAt());
    job.completedAt().ifPresent(c -> JobsJson.time(j, "completedAt", c));
    ObjectNode details = j.putObject("jobProcessDetails");
    ArrayNode processing = details.putArray("processingTargets");
    view.processingTargets().forEach(processing::add);
    ExecutionCounts counts = view.counts();
    details
        .put("numberOfCanceledThings", counts.of(ExecutionStatus.CANCELED))
        .put("numberOfSucceededThings", counts.of(ExecutionStatus.SUCCEEDED))
        .put("numberOfFailedThings", counts.of(ExecutionStatus.FAILED))
        .put("numberOfRejectedThings", counts.of(ExecutionStatus.REJECTED))
        .put("numberOfQueuedThings", counts.of(ExecutionStatus.QUEUED))
        .put("numberOfInProgressThings", counts.of(ExecutionStatus.IN_PROGRESS))
        .put("numberOfRemovedThings", counts.of(ExecutionStatus.REMOVED))
        .put("numberOfTimedOutThings", counts.of(ExecutionStatus.TIMED_OUT));
    job.templateArn().ifPresent(t -> j.put("jobTemplateArn", t));
    j.put("isConcurrent", view.isConcurrent());
    return JobsJson.ok(body);
  }

  private ApiResponse list(ApiRequest request) {
    if (request.query("thingGroupId").isPresent()) {
      throw IotException.invalidRequest(
          "The stand-in filters ListJobs by thingGroupName; thingGroupId is not supported");
    }
    Optional<JobStatus> status =
        request
            .query("status")
            .map(
                s ->
                    Arrays.stream(JobStatus.values())
                        .filter(v -> v.name().equals(s))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                Validation.invalid(
                                    s,
                                    "status",
                                    "Member must satisfy enum value set: "
                                        + List.of(JobStatus.values()))));
    Optional<TargetSelection> selection =
        request
            .query("targetSelection")
            .map(
                s ->
                    Arrays.stream(TargetSelection.values())
                        .filter(v -> v.name().equals(s))
                        .findFirst()
                        .orElseThrow(
                            () ->
                                Validation.invalid(
                                    s,
                                    "targetSelection",
                                    "Member must satisfy enum value set: [CONTINUOUS, SNAPSHOT]")));
    var page =
        jobs.listJobs(
            status,
            selection,
            request.query("thingGroupName"),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return JobsJson.page(
        page,
        "jobs",
        (list, job) -> {
          ObjectNode item =
              list.addObject()
                  .put("jobArn", jobs.jobArn(job.jobId()))
                  .put("jobId", job.jobId())
                  .put("targetSelection", job.targetSelection().name())
                  .put("status", job.status().name());
          JobsJson.time(item, "createdAt", job.createdAt());
          JobsJson.time(item, "lastUpdatedAt", job.lastUpdatedAt());
          job.completedAt().ifPresent(c -> JobsJson.time(item, "completedAt", c));
        });
  }

  private ApiResponse update(ApiRequest request) {
    jobs.updateJob(request.path("jobId"), JobSettings.parse(Json.parseObject(request.body())));
    return JobsJson.ok(Json.object());
  }

  private ApiResponse cancel(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    Job job =
        jobs.cancelJob(
            request.path("jobId"),
            request.queryBoolean("force").orElse(false),
            Fields.string(body, "reasonCode"),
            Fields.string(body, "comment"));
    return JobsJson.ok(jobResult(job));
  }

  private ApiResponse delete(ApiRequest request) {
    jobs.deleteJob(request.path("jobId"), request.queryBoolean("force").orElse(false));
    return JobsJson.ok(Json.object());
  }

  private ApiResponse document(ApiRequest request) {
    return JobsJson.ok(Json.object().put("document", jobs.jobDocument(request.path("jobId"))));
  }

  private ApiResponse associate(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    Job job = jobs.associateTargets(request.path("jobId"), JobsJson.stringList(body, "targets"));
    return JobsJson.ok(jobResult(job));
  }

  private ApiResponse describeExecution(ApiRequest request) {
    Optional<Long> number =
        request.queryInt("executionNumber", 0, Integer.MAX_VALUE).map(Integer::longValue);
    JobExecution e =
        jobs.describeExecution(request.path("jobId"), request.path("thingName"), number);
    ObjectNode execution = Json.object().put("jobId", e.jobId()).put("status", e.status().name());
    execution.put("forceCanceled", e.forceCanceled());
    execution.putObject("statusDetails").set("detailsMap", JobsJson.details(e.statusDetails()));
    execution.put("thingArn", jobs.thingArn(e.thingName()));
    JobsJson.time(execution, "queuedAt", e.queuedAt());
    JobsJson.time(execution, "startedAt", e.startedAt());
    JobsJson.time(execution, "lastUpdatedAt", e.lastUpdatedAt());
    execution.put("executionNumber", e.executionNumber()).put("versionNumber", e.versionNumber());
    JobsJson.secondsBeforeTimeout(e, jobs.timing().now())
        .ifPresent(s -> execution.put("approximateSecondsBeforeTimedOut", s));
    ObjectNode body = Json.object();
    body.set("execution", execution);
    return JobsJson.ok(body);
  }

  private ApiResponse executionsOfJob(ApiRequest request) {
    var page =
        jobs.listExecutionsForJob(
            request.path("jobId"),
            JobsJson.executionStatus(request),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return JobsJson.page(
        page,
        "executionSummaries",
        (list, e) -> {
          ObjectNode item = list.addObject().put("thingArn", jobs.thingArn(e.thingName()));
          item.set("jobExecutionSummary", JobsJson.summary(e));
        });
  }

  private ApiResponse executionsOfThing(ApiRequest request) {
    if (request.query("namespaceId").isPresent()) {
      throw IotException.invalidRequest("namespaceId is not supported by the stand-in");
    }
    var page =
        jobs.listExecutionsForThing(
            request.path("thingName"),
            JobsJson.executionStatus(request),
            request.query("jobId"),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return JobsJson.page(
        page,
        "executionSummaries",
        (list, e) -> {
          ObjectNode item = list.addObject().put("jobId", e.jobId());
          item.set("jobExecutionSummary", JobsJson.summary(e));
        });
  }

  private ApiResponse cancelExecution(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    Optional<Map<String, String>> details = Fields.stringMap(body, "statusDetails");
    jobs.cancelExecution(
        request.path("jobId"),
        request.path("thingName"),
        request.queryBoolean("force").orElse(false),
        Fields.integer(body, "expectedVersion"),
        details);
    return JobsJson.ok(Json.object());
  }

  private ApiResponse deleteExecution(ApiRequest request) {
    long number;
    try {
      number = Long.parseLong(request.path("executionNumber"));
    } catch (NumberFormatException e) {
      throw Validation.invalid(
          request.path("executionNumber"), "executionNumber", "Member must be a number");
    }
    jobs.deleteExecution(
        request.path("jobId"),
        request.path("thingName"),
        number,
        request.queryBoolean("force").orElse(false));
    return JobsJson.ok(Json.object());
  }
}
