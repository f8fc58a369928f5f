package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsTarget;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.local.http.quota.AwsApiQuotas;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * How many devices a bulk run issues at once. Against AWS (or a stand-in started with {@code
 * --quotas aws}) more devices in flight than the slowest call of a device allows per second only
 * gets throttled: the cap is that call's default TPS (AWS's quota table, as the stand-in enforces
 * it), and asking for more says so.
 */
final class BulkConcurrency {
  static final int MAX = 64;

  private BulkConcurrency() {}

  static int cap(int requested, AwsTarget target, boolean createThing, PrintWriter err) {
    if (requested < 1 || requested > MAX) {
      throw new CliException(ExitCodes.USAGE, "--concurrency must be between 1 and " + MAX);
    }
    boolean awsQuotas = !target.isLocal() || target.local().endpoint().awsQuotas();
    if (!awsQuotas) {
      return requested;
    }
    List<String> calls =
        new ArrayList<>(
            List.of("CreateCertificateFromCsr", "AttachPolicy", "AttachThingPrincipal"));
    if (createThing) {
      calls.add("CreateThing");
    }
    String slowest = calls.get(0);
    int limit = Integer.MAX_VALUE;
    for (String call : calls) {
      int tps = AwsApiQuotas.tps(call).orElse(Integer.MAX_VALUE);
      if (tps < limit) {
        limit = tps;
        slowest = call;
      }
    }
    if (requested <= limit) {
      return requested;
    }
    err.println(
        "note: --concurrency "
            + requested
            + " capped to "
            + limit
            + ": AWS allows "
            + limit
            + " "
            + slowest
            + " calls per second by default, so more devices at once would only be throttled");
    err.flush();
    return limit;
  }
}
