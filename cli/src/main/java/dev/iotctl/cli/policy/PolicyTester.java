package dev.iotctl.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.policy.AuthorizationRequest;
import dev.iotctl.core.policy.AuthorizationResult;
import dev.iotctl.core.policy.NamedPolicy;
import dev.iotctl.core.policy.PolicyContext;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyTemplate;
import dev.iotctl.core.policy.StatementRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
      String document = PolicyTemplate.render(read(file), q.region(), q.account());
      policies.add(new NamedPolicy(nameOf(file), PolicyDocument.parse(document)));
    }
    X509Certificate certificate =
        certificatePem == null ? null : Pem.parseCertificate(read(certificatePem));
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
    AuthorizationResult result =
        dev.iotctl.core.policy.PolicyEvaluator.evaluate(
            policies, new AuthorizationRequest(action, resource, context));
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
    json.put("explanation", result.explanation());
    return json;
  }

  private static String nameOf(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
