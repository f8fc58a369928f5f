package dev.iotctl.cli.jobs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.util.ArrayList;
import java.util.List;

/** {@code thing:NAME,group:NAME} target lists as job target ARNs of the caller's account. */
public final class JobTargets {
  private JobTargets() {}

  /** ARNs for {@code spec}, e.g. {@code thing:lamp,group:fleet}, in the clients' account. */
  public static List<String> arns(String spec, AwsClients clients) {
    return arns(spec, clients.region(), clients.accountId());
  }

  /** ARNs for {@code spec} in {@code region} and {@code accountId}. */
  public static List<String> arns(String spec, String region, String accountId) {
    String prefix = "arn:aws:iot:" + region + ":" + accountId + ":";
    List<String> arns = new ArrayList<>();
    for (String item : spec.split(",")) {
      String t = item.trim();
      if (t.startsWith("thing:") && t.length() > 6) {
        arns.add(prefix + "thing/" + t.substring(6));
      } else if (t.startsWith("group:") && t.length() > 6) {
        arns.add(prefix + "thinggroup/" + t.substring(6));
      } else if (t.startsWith("arn:")) {
        arns.add(t);
      } else {
        throw new CliException(
            ExitCodes.USAGE,
            "invalid target '" + t + "'",
            "name targets as thing:NAME or group:NAME (or give ARNs), comma-separated");
      }
    }
    return arns;
  }
}
