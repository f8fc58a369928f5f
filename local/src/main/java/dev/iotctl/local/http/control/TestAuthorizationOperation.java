package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.policy.AuthorizationRequest;
import dev.iotctl.core.policy.AuthorizationResult;
import dev.iotctl.core.policy.NamedPolicy;
import dev.iotctl.core.policy.PolicyContext;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.StatementRef;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.DeviceIdentity;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.RegistryConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TestAuthorization, answered by the core policy engine with the policies in force for a
 * certificate principal (its own, plus its thing's groups' when {@code clientId} names an attached
 * thing), adjusted by {@code policyNamesToAdd} and {@code policyNamesToSkip}, and the same policy
 * variables the gateway uses for a connection with that certificate and client id.
 */
public final class TestAuthorizationOperation implements RouteProvider {
  private static final Map<String, String> ACTIONS =
      Map.of(
          "CONNECT", "iot:Connect",
          "PUBLISH", "iot:Publish",
          "SUBSCRIBE", "iot:Subscribe",
          "RECEIVE", "iot:Receive");

  private final Registry registry;
  private final RegistryConfig account;

  public TestAuthorizationOperation(Registry registry, RegistryConfig account) {
    this.registry = registry;
    this.account = account;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/test-authorization", "TestAuthorization", Plane.CONTROL, this::test));
  }

  private ApiResponse test(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    String principal = Fields.requiredString(body, "principal");
    Optional<String> clientId = request.query("clientId");
    String certificatePrefix = account.arn("cert", "");
    if (!principal.startsWith(certificatePrefix)) {
      throw IotException.invalidRequest(
          "Only certificate principals of this account can be tested locally: " + principal);
    }
    String certificateId = principal.substring(certificatePrefix.length());
    DeviceIdentity identity =
        registry
            .certificates()
            .findForConnection(certificateId)
            .orElseThrow(
                () -> IotException.notFound("Principal " + principal + " does not exist."));
    Optional<DeviceIdentity.AttachedThing> thing =
        clientId.flatMap(
            id -> identity.things().stream().filter(t -> t.name().equals(id)).findFirst());

    Map<String, String> documents = new LinkedHashMap<>();
    identity.policies().forEach(p -> documents.put(p.name(), p.document()));
    thing.ifPresent(
        t -> t.groupPolicies().forEach(p -> documents.putIfAbsent(p.name(), p.document())));
    names(body, "policyNamesToAdd")
        .forEach(name -> documents.put(name, registry.policies().get(name).document()));
    names(body, "policyNamesToSkip").forEach(documents::remove);
    List<NamedPolicy> policies = new ArrayList<>();
    documents.forEach(
        (name, doc) -> policies.add(new NamedPolicy(name, PolicyDocument.parse(doc))));

    PolicyContext.Builder context =
        PolicyContext.builder()
            .region(account.region())
            .accountId(account.accountId())
            .certificate(
                Pem.parseCertificate(registry.certificates().describe(certificateId).pem()))
            .isAttached(thing.isPresent());
    clientId.ifPresent(context::clientId);
    thing.ifPresent(
        t ->
            context
                .thingName(t.name())
                .thingTypeName(t.typeName().orElse(null))
                .thingAttributes(t.attributes()));
    PolicyContext built = context.build();

    ObjectNode response = Json.object();
    ArrayNode results = response.putArray("authResults");
    JsonNode authInfos = body.get("authInfos");
    if (authInfos == null || !authInfos.isArray() || authInfos.isEmpty()) {
      throw IotException.invalidRequest("authInfos must list at least one authInfo");
    }
    for (JsonNode info : authInfos) {
      results.add(result(info, policies, built));
    }
    return Responses.ok(response);
  }

  private ObjectNode result(JsonNode info, List<NamedPolicy> policies, PolicyContext context) {
    if (!info.isObject()) {
      throw IotException.invalidRequest("Each authInfo must be an object");
    }
    String actionType = Fields.requiredString((ObjectNode) info, "actionType");
    String action = ACTIONS.get(actionType.toUpperCase(Locale.ROOT));
    if (action == null) {
      throw IotException.invalidRequest("Invalid actionType: " + actionType);
    }
    ObjectNode result = Json.object();
    result.set("authInfo", info.deepCopy());
    Set<String> allowedBy = new LinkedHashSet<>();
    Set<String> deniedBy = new LinkedHashSet<>();
    boolean anyExplicit = false;
    boolean allAllowed = true;
    for (JsonNode resource : info.path("resources")) {
      AuthorizationResult decision =
          dev.iotctl.core.policy.PolicyEvaluator.evaluate(
              policies, new AuthorizationRequest(action, resource.asText(), context));
      switch (decision.decision()) {
        case ALLOWED ->
            decision.decidingStatements().stream()
                .map(StatementRef::policyName)
                .forEach(allowedBy::add);
        case EXPLICIT_DENY -> {
          anyExplicit = true;
          allAllowed = false;
          decision.decidingStatements().stream()
              .map(StatementRef::policyName)
              .forEach(deniedBy::add);
        }
        case IMPLICIT_DENY -> allAllowed = false;
      }
    }
    String verdict = anyExplicit ? "EXPLICIT_DENY" : allAllowed ? "ALLOWED" : "IMPLICIT_DENY";
    result.set("allowed", policyList(verdict.equals("ALLOWED") ? allowedBy : Set.of()));
    ObjectNode denied = result.putObject("denied");
    denied.set(
        "implicitDeny",
        policyList(verdict.equals("IMPLICIT_DENY") ? policyNames(policies) : Set.of()));
    denied.set("explicitDeny", policyList(deniedBy));
    result.put("authDecision", verdict);
    result.putArray("missingContextValues");
    return result;
  }

  private ObjectNode policyList(Set<String> names) {
    ObjectNode node = Json.object();
    ArrayNode list = node.putArray("policies");
    names.forEach(
        n -> list.addObject().put("policyName", n).put("policyArn", account.arn("policy", n)));
    return node;
  }

  private static Set<String> policyNames(List<NamedPolicy> policies) {
    Set<String> names = new LinkedHashSet<>();
    policies.forEach(p -> names.add(p.name()));
    return names;
  }

  private static List<String> names(ObjectNode body, String member) {
    JsonNode node = body.get(member);
    List<String> names = new ArrayList<>();
    if (node == null || node.isNull()) {
      return names;
    }
    if (!node.isArray()) {
      throw IotException.invalidRequest(member + " must be a list of policy names");
    }
    node.forEach(n -> names.add(n.asText()));
    return names;
  }
}
