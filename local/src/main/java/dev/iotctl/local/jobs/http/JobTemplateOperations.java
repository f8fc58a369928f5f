package dev.iotctl.local.jobs.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.jobs.JobTemplate;
import dev.iotctl.local.jobs.JobsService;
import java.util.List;

/** CreateJobTemplate, DescribeJobTemplate, ListJobTemplates, DeleteJobTemplate. */
public final class JobTemplateOperations implements RouteProvider {
  private final JobsService jobs;

  public JobTemplateOperations(JobsService jobs) {
    this.jobs = jobs;
  }

  @Override
  public List<Route> routes() {
    String template = "/job-templates/{jobTemplateId}";
    return List.of(
        Route.of("PUT", template, "CreateJobTemplate", Plane.CONTROL, this::create),
        Route.of("GET", template, "DescribeJobTemplate", Plane.CONTROL, this::describe),
        Route.of("GET", "/job-templates", "ListJobTemplates", Plane.CONTROL, this::list),
        Route.of("DELETE", template, "DeleteJobTemplate", Plane.CONTROL, this::delete));
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    JobSettings settings = JobSettings.parse(body);
    if (settings.scheduling().isPresent()) {
      throw dev.iotctl.core.error.IotException.invalidRequest(
          "schedulingConfig is not a member of CreateJobTemplate");
    }
    JobTemplate t =
        jobs.createTemplate(
            request.path("jobTemplateId"),
            Fields.string(body, "jobArn"),
            Fields.string(body, "document"),
            Fields.string(body, "documentSource"),
            settings);
    return JobsJson.ok(
        Json.object()
            .put("jobTemplateArn", jobs.templateArn(t.templateId()))
            .put("jobTemplateId", t.templateId()));
  }

  private ApiResponse describe(ApiRequest request) {
    JobTemplate t = jobs.describeTemplate(request.path("jobTemplateId"));
    ObjectNode body =
        Json.object()
            .put("jobTemplateArn", jobs.templateArn(t.templateId()))
            .put("jobTemplateId", t.templateId());
    t.documentSource().ifPresent(s -> body.put("documentSource", s));
    t.document().ifPresent(d -> body.put("document", d));
    JobsJson.time(body, "createdAt", t.createdAt());
    t.settings().writeTo(body);
    return JobsJson.ok(body);
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        jobs.listTemplates(
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return JobsJson.page(
        page,
        "jobTemplates",
        (list, t) -> {
          ObjectNode item =
              list.addObject()
                  .put("jobTemplateArn", jobs.templateArn(t.templateId()))
                  .put("jobTemplateId", t.templateId());
          t.settings().description().ifPresent(d -> item.put("description", d));
          JobsJson.time(item, "createdAt", t.createdAt());
        });
  }

  private ApiResponse delete(ApiRequest request) {
    jobs.deleteTemplate(request.path("jobTemplateId"));
    return JobsJson.ok(Json.object());
  }
}
