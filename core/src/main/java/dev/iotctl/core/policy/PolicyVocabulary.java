package dev.iotctl.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names an IoT policy may use: AWS IoT Core's policy actions ("AWS IoT Core policy actions":
 * MQTT, Device Shadow, Jobs, credentials provider) and its policy variables ("Basic", "Thing" and
 * "X.509 certificate" policy variables, plus the global {@code aws:} keys IoT documents). Names are
 * case-insensitive, as in AWS.
 */
public final class PolicyVocabulary {
  public static final List<String> ACTIONS =
      List.of(
          "iot:Connect",
          "iot:DeleteConnection",
          "iot:GetRetainedMessage",
          "iot:ListRetainedMessages",
          "iot:Publish",
          "iot:Receive",
          "iot:RetainPublish",
          "iot:Subscribe",
          "iot:DeleteThingShadow",
          "iot:GetThingShadow",
          "iot:ListNamedShadowsForThing",
          "iot:UpdateThingShadow",
          "iot:DescribeJobExecution",
          "iot:GetPendingJobExecutions",
          "iot:StartNextPendingJobExecution",
          "iot:UpdateJobExecution",
          "iot:AssumeRoleWithCertificate");

  private static final Pattern VARIABLES =
      Pattern.compile(
          "(?i)iot:ClientId|iot:DomainName|iot:ConnectAttributes|iot:ClientMode"
              + "|iot:Connection\\.Thing\\.(ThingName|ThingTypeName|IsAttached|Attributes\\[.+])"
              + "|iot:Certificate\\.(Subject|Issuer)\\.[A-Za-z]+(\\.(\\d+|List))?"
              + "|iot:Certificate\\.(Subject|Issuer)AlternativeName\\.[A-Za-z0-9]+(\\.(\\d+|List))?"
              + "|iot:Certificate\\.(SerialNumber|AvailableKeys)"
              + "|aws:(SourceIp|CurrentTime|EpochTime|SecureTransport|UserAgent|PrincipalTag/.+)");

  private PolicyVocabulary() {}

  /** True when {@code action} (a name or a wildcard pattern) names at least one IoT action. */
  public static boolean isKnownAction(String action) {
    if (action.equals("*")) {
      return true;
    }
    PolicyString pattern = PolicyString.parse(action.toLowerCase(Locale.ROOT), false);
    return ACTIONS.stream().anyMatch(a -> pattern.matches(a.toLowerCase(Locale.ROOT), null, false));
  }

  /** The known action closest to a misspelt one (at most two edits away), if any. */
  public static Optional<String> closestAction(String action) {
    String lower = action.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String known : ACTIONS) {
      int d = distance(lower, known.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** True for a documented IoT policy variable (or condition key). */
  public static boolean isKnownVariable(String name) {
    return VARIABLES.matcher(name).matches();
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
