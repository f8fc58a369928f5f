package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.provisioning.RegistrationTask;
import dev.iotctl.local.provisioning.ThingRegistrationTasks;
import java.util.List;

/**
 * StartThingRegistrationTask, DescribeThingRegistrationTask, ListThingRegistrationTasks,
 * ListThingRegistrationTaskReports, StopThingRegistrationTask (the input file is local).
 */
public final class ThingRegistrationTaskOperations implements RouteProvider {
  private final ThingRegistrationTasks tasks;

  public ThingRegistrationTaskOperations(ThingRegistrationTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public List<Route> routes() {
    String all = "/thing-registration-tasks";
    String one = all + "/{taskId}";
    return List.of(
        Route.of("POST", all, "StartThingRegistrationTask", Plane.CONTROL, this::start),
        Route.of("GET", all, "ListThingRegistrationTasks", Plane.CONTROL, this::list),
        Route.of("GET", one, "DescribeThingRegistrationTask", Plane.CONTROL, this::describe),
        Route.of(
            "GET",
            one + "/reports",
            "ListThingRegistrationTaskReports",
            Plane.CONTROL,
            this::reports),
        Route.of("PUT", one + "/cancel", "StopThingRegistrationTask", Plane.CONTROL, this::stop));
  }

  private ApiResponse start(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String taskId =
        tasks.start(
            Fields.requiredString(body, "templateBody"),
            Fields.requiredString(body, "inputFileBucket"),
            Fields.requiredString(body, "inputFileKey"),
            Fields.requiredString(body, "roleArn"));
    return Responses.ok(Json.object().put("taskId", taskId));
  }

  private ApiResponse describe(ApiRequest request) {
    RegistrationTask t = tasks.describe(request.path("taskId"));
    ObjectNode body =
        Json.object()
            .put("taskId", t.taskId())
            .put("creationDate", Json.epochSeconds(t.creationDate()))
            .put("lastModifiedDate", Json.epochSeconds(t.lastModifiedDate()))
            .put("templateBody", t.templateBody())
            .put("inputFileBucket", t.inputFileBucket())
            .put("inputFileKey", t.inputFileKey())
            .put("roleArn", t.roleArn())
            .put("status", t.status());
    t.message().ifPresent(m -> body.put("message", m));
    body.put("successCount", t.successCount())
        .put("failureCount", t.failureCount())
        .put("percentageProgress", t.percentageProgress());
    return Responses.ok(body);
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        tasks.list(
            request.query("status"),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(page, "taskIds", "nextToken", (list, id) -> list.add(id));
  }

  private ApiResponse reports(ApiRequest request) {
    String type = request.query("reportType").orElseThrow(() -> Fields.missing("reportType"));
    request.queryInt("maxResults", 1, 250);
    ObjectNode body = Json.object();
    var links = body.putArray("resourceLinks");
    tasks.reports(request.path("taskId"), type).forEach(links::add);
    body.put("reportType", type);
    return Responses.ok(body);
  }

  private ApiResponse stop(ApiRequest request) {
    tasks.stop(request.path("taskId"));
    return Responses.empty();
  }
}
