package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.error.AlreadyExists;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.provisioning.CaCertificateRegistry;
import dev.iotctl.local.provisioning.ProvisioningTemplateRegistry;
import dev.iotctl.local.provisioning.ProvisioningTemplateRegistry.NewTemplate;
import dev.iotctl.local.provisioning.ProvisioningTemplateRegistry.TemplateUpdate;
import dev.iotctl.local.provisioning.ProvisioningTemplateSummary;
import dev.iotctl.local.provisioning.ProvisioningTemplateSummary.Hook;
import dev.iotctl.local.provisioning.ProvisioningTemplateSummary.Version;
import dev.iotctl.local.registry.RegistryConfig;
import java.util.List;

/**
 * CreateProvisioningTemplate, DescribeProvisioningTemplate, ListProvisioningTemplates,
 * UpdateProvisioningTemplate, DeleteProvisioningTemplate and the template version operations.
 */
public final class ProvisioningTemplateOperations implements RouteProvider {
  private final ProvisioningTemplateRegistry templates;
  private final CaCertificateRegistry cas;
  private final RegistryConfig account;

  public ProvisioningTemplateOperations(
      ProvisioningTemplateRegistry templates, CaCertificateRegistry cas, RegistryConfig account) {
    this.templates = templates;
    this.cas = cas;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    String all = "/provisioning-templates";
    String one = all + "/{templateName}";
    String versions = one + "/versions";
    String version = versions + "/{versionId}";
    return List.of(
        Route.of("POST", all, "CreateProvisioningTemplate", Plane.CONTROL, this::create),
        Route.of("GET", all, "ListProvisioningTemplates", Plane.CONTROL, this::list),
        Route.of("GET", one, "DescribeProvisioningTemplate", Plane.CONTROL, this::describe),
        Route.of("PATCH", one, "UpdateProvisioningTemplate", Plane.CONTROL, this::update),
        Route.of("DELETE", one, "DeleteProvisioningTemplate", Plane.CONTROL, this::delete),
        Route.of(
            "POST",
            versions,
            "CreateProvisioningTemplateVersion",
            Plane.CONTROL,
            this::createVersion),
        Route.of(
            "GET", versions, "ListProvisioningTemplateVersions", Plane.CONTROL, this::listVersions),
        Route.of(
            "GET",
            version,
            "DescribeProvisioningTemplateVersion",
            Plane.CONTROL,
            this::describeVersion),
        Route.of(
            "DELETE",
            version,
            "DeleteProvisioningTemplateVersion",
            Plane.CONTROL,
            this::deleteVersion));
  }

  private ApiResponse create(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String name = Fields.requiredString(body, "templateName");
    NewTemplate template =
        new NewTemplate(
            name,
            Fields.string(body, "description"),
            Fields.requiredString(body, "templateBody"),
            Fields.bool(body, "enabled").orElse(false),
            Fields.requiredString(body, "provisioningRoleArn"),
            Fields.object(body, "preProvisioningHook").map(ProvisioningTemplateOperations::hook),
            Fields.string(body, "type"));
    ProvisioningTemplateSummary created =
        AlreadyExists.naming(
            name,
            () -> account.arn("provisioningtemplate", name),
            () -> templates.create(template));
    return Responses.ok(
        Json.object()
            .put("templateArn", created.arn())
            .put("templateName", created.name())
            .put("defaultVersionId", created.defaultVersionId()));
  }

  private ApiResponse describe(ApiRequest request) {
    ProvisioningTemplateSummary t = templates.describe(request.path("templateName"));
    ObjectNode body = Json.object().put("templateArn", t.arn()).put("templateName", t.name());
    t.description().ifPresent(d -> body.put("description", d));
    body.put("creationDate", Json.epochSeconds(t.creationDate()))
        .put("lastModifiedDate", Json.epochSeconds(t.lastModifiedDate()))
        .put("defaultVersionId", t.defaultVersionId())
        .put("templateBody", t.body())
        .put("enabled", t.enabled())
        .put("provisioningRoleArn", t.provisioningRoleArn());
    t.preProvisioningHook()
        .ifPresent(
            h -> {
              ObjectNode hook = body.putObject("preProvisioningHook");
              if (h.payloadVersion() != null) {
                hook.put("payloadVersion", h.payloadVersion());
              }
              hook.put("targetArn", h.targetArn());
            });
    body.put("type", t.type());
    return Responses.ok(body);
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        templates.list(
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "templates",
        "nextToken",
        (list, t) -> {
          ObjectNode item =
              list.addObject().put("templateArn", t.arn()).put("templateName", t.name());
          t.description().ifPresent(d -> item.put("description", d));
          item.put("creationDate", Json.epochSeconds(t.creationDate()))
              .put("lastModifiedDate", Json.epochSeconds(t.lastModifiedDate()))
              .put("enabled", t.enabled())
              .put("type", t.type());
        });
  }

  private ApiResponse update(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    templates.update(
        request.path("templateName"),
        new TemplateUpdate(
            Fields.string(body, "description"),
            Fields.bool(body, "enabled"),
            Fields.integer(body, "defaultVersionId").map(Long::intValue),
            Fields.string(body, "provisioningRoleArn"),
            Fields.object(body, "preProvisioningHook").map(ProvisioningTemplateOperations::hook),
            Fields.bool(body, "removePreProvisioningHook").orElse(false)));
    return ApiResponse.empty();
  }

  private ApiResponse delete(ApiRequest request) {
    templates.delete(request.path("templateName"), cas::usesTemplate);
    return ApiResponse.empty();
  }

  private ApiResponse createVersion(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String name = request.path("templateName");
    Version version =
        templates.createVersion(
            name,
            Fields.requiredString(body, "templateBody"),
            request.queryBoolean("setAsDefault").orElse(false));
    return Responses.ok(
        Json.object()
            .put("templateArn", account.arn("provisioningtemplate", name))
            .put("templateName", name)
            .put("versionId", version.versionId())
            .put("isDefaultVersion", version.isDefault()));
  }

  private ApiResponse describeVersion(ApiRequest request) {
    Version v = templates.describeVersion(request.path("templateName"), versionId(request));
    return Responses.ok(
        Json.object()
            .put("versionId", v.versionId())
            .put("creationDate", Json.epochSeconds(v.creationDate()))
            .put("templateBody", v.body())
            .put("isDefaultVersion", v.isDefault()));
  }

  private ApiResponse listVersions(ApiRequest request) {
    var page =
        templates.listVersions(
            request.path("templateName"),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "versions",
        "nextToken",
        (list, v) ->
            list.addObject()
                .put("versionId", v.versionId())
                .put("creationDate", Json.epochSeconds(v.creationDate()))
                .put("isDefaultVersion", v.isDefault()));
  }

  private ApiResponse deleteVersion(ApiRequest request) {
    templates.deleteVersion(request.path("templateName"), versionId(request));
    return ApiResponse.empty();
  }

  private static int versionId(ApiRequest request) {
    try {
      return Integer.parseInt(request.path("versionId"));
    } catch (NumberFormatException e) {
      throw IotException.invalidRequest("versionId must be a number.");
    }
  }

  private static Hook hook(ObjectNode node) {
    return new Hook(
        Fields.requiredString(node, "targetArn"),
        Fields.string(node, "payloadVersion").orElse(null));
  }
}
