import dev.iotctl.core.policy.AuthorizationRequest;
import dev.iotctl.core.policy.IotArns;
import dev.iotctl.core.policy.NamedPolicy;
import dev.iotctl.core.policy.PolicyContext;
import dev.iotctl.core.policy.PolicyDocument;
import dev.iotctl.core.policy.PolicyEvaluator;
import dev.iotctl.core.policy.PolicyTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Microseconds per PolicyEvaluator.evaluate call against the shipped device policy, for four
 * requests a device makes (three allowed, one implicitly denied). Each request: warm-up rounds,
 * then the median of ROUNDS rounds of CALLS calls. Run through bench/policy-eval.sh.
 */
public class PolicyEval {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";
  static final int ROUNDS = 5;
  static final int CALLS = 100_000;

  record Case(String name, AuthorizationRequest request, boolean expectAllowed) {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "policies/device.json");
    String json = PolicyTemplate.render(Files.readString(file), REGION, ACCOUNT);
    List<NamedPolicy> policies = List.of(new NamedPolicy("device", PolicyDocument.parse(json)));
    PolicyContext device =
        PolicyContext.builder()
            .region(REGION)
            .accountId(ACCOUNT)
            .clientId("dev-0001")
            .thingName("dev-0001")
            .isAttached(true)
            .build();
    String client = IotArns.client(REGION, ACCOUNT, "dev-0001");
    String telemetry = IotArns.topic(REGION, ACCOUNT, "devices/dev-0001/telemetry");
    String shadowDelta =
        IotArns.topicFilter(REGION, ACCOUNT, "$aws/things/dev-0001/shadow/update/delta");
    String othersTelemetry = IotArns.topic(REGION, ACCOUNT, "devices/dev-0002/telemetry");
    List<Case> cases =
        List.of(
            new Case("Connect own client id", request("iot:Connect", client, device), true),
            new Case("Publish own telemetry", request("iot:Publish", telemetry, device), true),
            new Case("Subscribe own shadow/*", request("iot:Subscribe", shadowDelta, device), true),
            new Case(
                "Publish other's (deny)", request("iot:Publish", othersTelemetry, device), false));

    System.out.printf(
        "%s, %d rounds of %,d calls after 3 warm-up rounds; microseconds per call%n",
        file, ROUNDS, CALLS);
    System.out.printf("%-24s %8s %8s %8s%n", "request", "median", "min", "max");
    for (Case c : cases) {
      for (int i = 0; i < 3; i++) {
        round(policies, c);
      }
      double[] us = new double[ROUNDS];
      for (int i = 0; i < ROUNDS; i++) {
        us[i] = round(policies, c);
      }
      double[] sorted = us.clone();
      Arrays.sort(sorted);
      System.out.printf(
          "%-24s %8.3f %8.3f %8.3f%n",
          c.name(), sorted[ROUNDS / 2], sorted[0], sorted[ROUNDS - 1]);
    }
  }

  static AuthorizationRequest request(String action, String resource, PolicyContext context) {
    return new AuthorizationRequest(action, resource, context);
  }

  /** One round: microseconds per call; checks every decision, so none is optimised away. */
  static double round(List<NamedPolicy> policies, Case c) {
    int allowed = 0;
    long start = System.nanoTime();
    for (int i = 0; i < CALLS; i++) {
      if (PolicyEvaluator.evaluate(policies, c.request()).allowed()) {
        allowed++;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (allowed != (c.expectAllowed() ? CALLS : 0)) {
      throw new IllegalStateException(c.name() + ": unexpected decision");
    }
    return elapsed / 1000.0 / CALLS;
  }
}
