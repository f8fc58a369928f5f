package dev.iotctl.local.http.control;

import dev.iotctl.core.error.IotException;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.PolicyRegistry;
import java.util.List;

/**
 * The deprecated principal-policy operations scripts still call — AttachPrincipalPolicy,
 * DetachPrincipalPolicy, ListPrincipalPolicies, ListPolicyPrincipals — with the same rules as
 * AttachPolicy, DetachPolicy, ListAttachedPolicies and ListTargetsForPolicy. The principal travels
 * in the {@code x-amzn-iot-principal} header, the policy name of ListPolicyPrincipals in {@code
 * x-amzn-iot-policy}.
 */
public final class PrincipalPolicyOperations implements RouteProvider {
  private final PolicyRegistry policies;

  public PrincipalPolicyOperations(PolicyRegistry policies) {
    this.policies = policies;
  }

  @Override
  public List<Route> routes() {
    String one = "/principal-policies/{policyName}";
    return List.of(
        Route.of("PUT", one, "AttachPrincipalPolicy", Plane.CONTROL, this::attach),
        Route.of("DELETE", one, "DetachPrincipalPolicy", Plane.CONTROL, this::detach),
        Route.of(
            "GET", "/principal-policies", "ListPrincipalPolicies", Plane.CONTROL, this::policies),
        Route.of(
            "GET", "/policy-principals", "ListPolicyPrincipals", Plane.CONTROL, this::principals));
  }

  private ApiResponse attach(ApiRequest request) {
    policies.attach(request.path("policyName"), header(request, "x-amzn-iot-principal"));
    return ApiResponse.empty();
  }

  private ApiResponse detach(ApiRequest request) {
    policies.detach(request.path("policyName"), header(request, "x-amzn-iot-principal"));
    return ApiResponse.empty();
  }

  private ApiResponse policies(ApiRequest request) {
    request.queryBoolean("isAscendingOrder"); // validated; lists are in name order
    var page =
        policies.listPrincipalPolicies(
            header(request, "x-amzn-iot-principal"),
            request.queryInt("pageSize", 1, 250).orElse(null),
            request.query("marker").orElse(null));
    return Responses.page(
        page,
        "policies",
        "nextMarker",
        (list, p) -> list.addObject().put("policyName", p.name()).put("policyArn", p.arn()));
  }

  private ApiResponse principals(ApiRequest request) {
    request.queryBoolean("isAscendingOrder"); // validated; lists are in principal order
    var page =
        policies.listPrincipals(
            header(request, "x-amzn-iot-policy"),
            request.queryInt("pageSize", 1, 250).orElse(null),
            request.query("marker").orElse(null));
    return Responses.page(page, "principals", "nextMarker", (list, p) -> list.add(p));
  }

  private static String header(ApiRequest request, String name) {
    return request
        .header(name)
        .filter(value -> !value.isEmpty())
        .orElseThrow(
            () ->
                IotException.invalidRequest(
                    "1 validation error detected: Value null at '"
                        + (name.endsWith("policy") ? "policyName" : "principal")
                        + "' failed to satisfy constraint: Member must not be null"));
  }
}
