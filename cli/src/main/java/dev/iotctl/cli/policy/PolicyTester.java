package dev.iotctl.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.policy.AuthorizationRequest;
import dev.iotctl.core.policy.AuthorizationResult;
import dev.iotctl.core.policy.NamedPolicy;
import dev.iotctl.core.policy.PolicyContext;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyEvaluator;
import dev.iotctl.core.policy.PolicyTemplate;
import dev.iotctl.core.policy.StatementRef;
import dev.iotctl.core.policy.UnresolvedVariables;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.Policy;

/**
 * Answers "would this be allowed?" with the core policy engine, offline from policy files (so teams
 * can unit-test policies in CI) or from what is attached to a real certificate.
 */
public final class PolicyTester {
  /** Account used offline when none is given: any 12 digits, as ARNs only need a shape. */
  public static final String OFFLINE_ACCOUNT = "123456789012";

  /** What is tested, and as whom. */
  public record Question(
      String action,
      String resource,
      String clientId,
      String thingName,
      String thingType,
      Map<String, String> attributes,
      String region,
      String account) {}

  private PolicyTester() {}

  public static JsonNode testFiles(List<Path> files, Path certificatePem, Question q) {
    List<NamedPolicy> policies = new ArrayList<>();
    for (Path file : files) {
      String document = PolicyTemplate.render(PolicyFiles.read(file), q.region(), q.account());
      policies.add(new NamedPolicy(PolicyFiles.nameOf(file), PolicyDocument.parse(document)));
    }
    X509Certificate certificate =
        certificatePem == null ? null : Pem.parseCertificate(PolicyFiles.read(certificatePem));
    PolicyContext.Builder context = context(q, certificate);
    if (q.thingName() != null) {
      context
          .thingName(q.thingName())
          .isAttached(true)
          .thingTypeName(q.thingType())
          .thingAttributes(q.attributes());
    }
    return answer(policies, q, context.build());
  }

  /** Tests against the policies attached to a certificate, with its attached thing's variables. */
  public static JsonNode testCertificate(IotClient iot, String certificateId, Question q) {
    var description =
        iot.describeCertificate(r -> r.certificateId(certificateId)).certificateDescription();
    String arn = description.certificateArn();
    String[] parts = arn.split(":");
    Question located =
        new Question(
            q.action(),
            q.resource(),
            q.clientId(),
            q.thingName(),
            q.thingType(),
            q.attributes(),
            parts[3],
            parts[4]);
    List<NamedPolicy> policies = new ArrayList<>();
    for (Policy p : iot.listAttachedPoliciesPaginator(r -> r.target(arn)).policies()) {
      String document = iot.getPolicy(r -> r.policyName(p.policyName())).policyDocument();
      policies.add(new NamedPolicy(p.policyName(), PolicyDocument.parse(document)));
    }
    PolicyContext.Builder context =
        context(located, Pem.parseCertificate(description.certificatePem()));
    List<String> things =
        iot.listPrincipalThingsPaginator(r -> r.principal(arn)).things().stream().toList();
    // Connection.Thing.* resolve only when the client id is a thing attached to the certificate.
    if (q.clientId() != null && things.contains(q.clientId())) {
      DescribeThingResponse thing = iot.describeThing(r -> r.thingName(q.clientId()));
      context
          .thingName(thing.thingName())
          .isAttached(true)
          .thingTypeName(thing.thingTypeName())
          .thingAttributes(thing.attributes());
    }
    return answer(policies, located, context.build());
  }

  private static PolicyContext.Builder context(Question q, X509Certificate certificate) {
    PolicyContext.Builder context =
        PolicyContext.builder().region(q.region()).accountId(q.account()).clientId(q.clientId());
    if (certificate != null) {
      context.certificate(certificate);
    }
    return context;
  }

  private static JsonNode answer(List<NamedPolicy> policies, Question q, PolicyContext context) {
    String action = q.action().contains(":") ? q.action() : "iot:" + q.action();
    String resource =
        q.resource().startsWith("arn:")
            ? q.resource()
            : "arn:aws:iot:" + q.region() + ":" + q.account() + ":" + q.resource();
    AuthorizationRequest request = new AuthorizationRequest(action, resource, context);
    AuthorizationResult result = PolicyEvaluator.evaluate(policies, request);
    Set<String> unresolved =
        result.allowed() ? Set.of() : UnresolvedVariables.of(policies, request);
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("decision", result.decision().name())
            .put("allowed", result.allowed())
            .put("action", action)
            .put("resource", resource);
    if (q.clientId() != null) {
      json.put("clientId", q.clientId());
    }
    var deciding = json.putArray("decidingStatements");
    for (StatementRef ref : result.decidingStatements()) {
      ObjectNode s = deciding.addObject().put("policy", ref.policyName()).put("index", ref.index());
      if (ref.sid() != null) {
        s.put("sid", ref.sid());
      }
    }
    if (unresolved.isEmpty()) {
      json.put("explanation", result.explanation());
    } else {
      unresolved.forEach(json.putArray("unresolvedVariables")::add);
      json.put(
          "explanation",
          result.decision()
              + ": "
              + unresolved.stream()
                  .map(v -> v + " has no value" + howToSet(v))
                  .collect(Collectors.joining("; "))
              + ", so the statements that use it do not match");
    }
    return json;
  }

  /** Which option gives a variable a value offline. */
  private static String howToSet(String variable) {
    String v = variable.toLowerCase(Locale.ROOT);
    if (v.startsWith("${iot:clientid")) {
      return " (pass --client-id)";
    }
    if (v.startsWith("${iot:connection.thing.thingtypename")) {
      return " (pass --thing and --thing-type)";
    }
    if (v.startsWith("${iot:connection.thing.attributes")) {
      return " (pass --thing and --attribute K=V)";
    }
    if (v.startsWith("${iot:connection.thing.")) {
      return " (pass --thing, the thing attached to the connection)";
    }
    if (v.startsWith("${iot:certificate.")) {
      return " (pass --cert with the device's certificate)";
    }
    return "";
  }
}
