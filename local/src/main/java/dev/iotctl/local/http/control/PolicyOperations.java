package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.local.http.error.AlreadyExists;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.Policy;
import dev.iotctl.local.registry.PolicyRegistry;
import dev.iotctl.local.registry.PolicyVersion;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.registry.TagRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreatePolicy, GetPolicy, ListPolicies, DeletePolicy, CreatePolicyVersion, ListPolicyVersions,
 * GetPolicyVersion, DeletePolicyVersion, SetDefaultPolicyVersion, AttachPolicy, DetachPolicy,
 * ListAttachedPolicies, ListTargetsForPolicy.
 */
public final class PolicyOperations implements RouteProvider {
  private final PolicyRegistry policies;
  private final TagRegistry tags;
  private final RegistryConfig account;

  public PolicyOperations(PolicyRegistry policies, TagRegistry tags, RegistryConfig account) {
    this.policies = policies;
    this.tags = tags;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    String policy = "/policies/{policyName}";
    return List.of(
        Route.of("POST", policy, "CreatePolicy", Plane.CONTROL, this::create),
        Route.of("GET", policy, "GetPolicy", Plane.CONTROL, this::get),
        Route.of("GET", "/policies", "ListPolicies", Plane.CONTROL, this::list),
        Route.of("DELETE", policy, "DeletePolicy", Plane.CONTROL, this::delete),
        Route.of(
            "POST", policy + "/version", "CreatePolicyVersion", Plane.CONTROL, this::createVersion),
        Route.of(
            "GET", policy + "/version", "ListPolicyVersions", Plane.CONTROL, this::listVersions),
        Route.of(
            "PATCH",
            policy + "/version/{policyVersionId}",
            "SetDefaultPolicyVersion",
            Plane.CONTROL,
            this::setDefault),
        Route.of(
            "GET",
            policy + "/version/{policyVersionId}",
            "GetPolicyVersion",
            Plane.CONTROL,
            this::getVersion),
        Route.of(
            "DELETE",
            policy + "/version/{policyVersionId}",
            "DeletePolicyVersion",
            Plane.CONTROL,
            this::deleteVersion),
        Route.of(
            "PUT", "/target-policies/{policyName}", "AttachPolicy", Plane.CONTROL, this::attach),
        Route.of(
            "POST", "/target-policies/{policyName}", "DetachPolicy", Plane.CONTROL, this::detach),
        Route.of(
            "POST",
            "/attached-policies/{target}",
            "ListAttachedPolicies",
            Plane.CONTROL,
            this::listAttached),
        Route.of(
            "POST",
            "/policy-targets/{policyName}",
            "ListTargetsForPolicy",
            Plane.CONTROL,
            this::listTargets));
  }

  private ApiResponse create(ApiRequest request) {
    String name = request.path("policyName");
    ObjectNode body = Json.parseObject(request.body());
    String document = Fields.requiredString(body, "policyDocument");
    Optional<Map<String, String>> newTags = TagOperations.fromBody(body);
    Policy policy =
        AlreadyExists.naming(
            name, () -> account.arn("policy", name), () -> policies.create(name, document));
    newTags.ifPresent(t -> tags.tag(policy.arn(), t));
    return Responses.ok(
        Json.object()
            .put("policyName", policy.name())
            .put("policyArn", policy.arn())
            .put("policyDocument", policy.document())
            .put("policyVersionId", policy.defaultVersionId()));
  }

  private ApiResponse get(ApiRequest request) {
    Policy policy = policies.get(request.path("policyName"));
    return Responses.ok(
        Json.object()
            .put("policyName", policy.name())
            .put("policyArn", policy.arn())
            .put("policyDocument", policy.document())
            .put("defaultVersionId", policy.defaultVersionId())
            .put("creationDate", Json.epochSeconds(policy.creationDate()))
            .put("lastModifiedDate", Json.epochSeconds(policy.lastModifiedDate()))
            .put("generationId", policy.generationId()));
  }

  private ApiResponse list(ApiRequest request) {
    var page =
        policies.list(
            request.queryInt("pageSize", 1, 250).orElse(null),
            request.query("marker").orElse(null));
    return Responses.page(page, "policies", "nextMarker", PolicyOperations::addRef);
  }

  private ApiResponse delete(ApiRequest request) {
    policies.delete(request.path("policyName"));
    return ApiResponse.empty();
  }

  private ApiResponse createVersion(ApiRequest request) {
    String document = Fields.requiredString(Json.parseObject(request.body()), "policyDocument");
    PolicyVersion version =
        policies.createVersion(
            request.path("policyName"),
            document,
            request.queryBoolean("setAsDefault").orElse(false));
    return Responses.ok(
        Json.object()
            .put("policyArn", version.policyArn())
            .put("policyDocument", version.document())
            .put("policyVersionId", version.versionId())
            .put("isDefaultVersion", version.isDefaultVersion()));
  }

  private ApiResponse listVersions(ApiRequest request) {
    ObjectNode body = Json.object();
    var list = body.putArray("policyVersions");
    for (PolicyVersion v : policies.listVersions(request.path("policyName"))) {
      list.addObject()
          .put("versionId", v.versionId())
          .put("isDefaultVersion", v.isDefaultVersion())
          .put("createDate", Json.epochSeconds(v.creationDate()));
    }
    return Responses.ok(body);
  }

  private ApiResponse setDefault(ApiRequest request) {
    policies.setDefaultVersion(request.path("policyName"), request.path("policyVersionId"));
    return ApiResponse.empty();
  }

  private ApiResponse getVersion(ApiRequest request) {
    PolicyVersion v =
        policies.getVersion(request.path("policyName"), request.path("policyVersionId"));
    return Responses.ok(
        Json.object()
            .put("policyArn", v.policyArn())
            .put("policyName", v.policyName())
            .put("policyDocument", v.document())
            .put("policyVersionId", v.versionId())
            .put("isDefaultVersion", v.isDefaultVersion())
            .put("creationDate", Json.epochSeconds(v.creationDate())));
  }

  private ApiResponse deleteVersion(ApiRequest request) {
    policies.deleteVersion(request.path("policyName"), request.path("policyVersionId"));
    return ApiResponse.empty();
  }

  private ApiResponse attach(ApiRequest request) {
    policies.attach(request.path("policyName"), target(request));
    return ApiResponse.empty();
  }

  private ApiResponse detach(ApiRequest request) {
    policies.detach(request.path("policyName"), target(request));
    return ApiResponse.empty();
  }

  private ApiResponse listAttached(ApiRequest request) {
    var page =
        policies.listAttached(
            request.path("target"),
            request.queryBoolean("recursive").orElse(false),
            request.queryInt("pageSize", 1, 250).orElse(null),
            request.query("marker").orElse(null));
    return Responses.page(page, "policies", "nextMarker", PolicyOperations::addRef);
  }

  private ApiResponse listTargets(ApiRequest request) {
    var page =
        policies.listTargets(
            request.path("policyName"),
            request.queryInt("pageSize", 1, 250).orElse(null),
            request.query("marker").orElse(null));
    return Responses.page(page, "targets", "nextMarker", (list, t) -> list.add(t));
  }

  private static String target(ApiRequest request) {
    return Fields.requiredString(Json.parseObject(request.body()), "target");
  }

  private static void addRef(com.fasterxml.jackson.databind.node.ArrayNode list, Policy p) {
    list.addObject().put("policyName", p.name()).put("policyArn", p.arn());
  }
}
