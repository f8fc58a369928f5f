package dev.iotctl.local.gateway;

import dev.iotctl.core.policy.AuthorizationRequest;
import dev.iotctl.core.policy.NamedPolicy;
import dev.iotctl.core.policy.PolicyContext;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyEvaluator;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Authorizes with the core policy engine and the policies attached to the connection's certificate,
 * plus, when the client id names a thing attached to it, the policies of that thing's groups. The
 * policy variables come from the certificate, the client id, the source IP and — only when the
 * client id names a thing attached to the certificate — that thing ({@code
 * iot:Connection.Thing.*}). Parsed documents and each connection's context are cached, so a
 * per-message check costs one evaluation.
 */
public final class PolicyAuthorizer implements GatewayAuthorizer {
  private final String region;
  private final String accountId;
  private final Map<String, PolicyDocument> parsed = new ConcurrentHashMap<>();
  private final Map<ConnectionPrincipal, Compiled> compiled =
      Collections.synchronizedMap(new WeakHashMap<>());

  public PolicyAuthorizer(String region, String accountId) {
    this.region = region;
    this.accountId = accountId;
  }

  private record Compiled(List<NamedPolicy> policies, PolicyContext context) {}

  @Override
  public boolean isAllowed(ConnectionPrincipal principal, String action, String resourceArn) {
    Compiled c = compiled.computeIfAbsent(principal, this::compile);
    return PolicyEvaluator.evaluate(
            c.policies(), new AuthorizationRequest(action, resourceArn, c.context()))
        .allowed();
  }

  private Compiled compile(ConnectionPrincipal p) {
    Optional<DeviceRecord.Thing> thing = p.device().attachedThing(p.clientId());
    List<NamedPolicy> policies =
        Stream.concat(
                p.device().policies().stream(),
                thing.stream().flatMap(t -> t.groupPolicies().stream()))
            .distinct()
            .map(
                x ->
                    new NamedPolicy(
                        x.name(), parsed.computeIfAbsent(x.document(), PolicyDocument::parse)))
            .toList();
    PolicyContext.Builder context =
        PolicyContext.builder()
            .region(region)
            .accountId(accountId)
            .clientId(p.clientId())
            .certificate(p.certificate())
            .sourceIp(p.sourceIp())
            .isAttached(thing.isPresent());
    thing.ifPresent(
        t ->
            context
                .thingName(t.name())
                .thingTypeName(t.typeName())
                .thingAttributes(t.attributes()));
    return new Compiled(policies, context.build());
  }
}
