package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.Json;
import java.time.Duration;
import java.util.Map;

/**
 * The end of a bulk run: what was issued, skipped and why anything failed, and how much the service
 * throttled (retries the SDK made, answers that said "throttled").
 */
record BulkSummary(
    int requested,
    int issued,
    int recovered,
    int skipped,
    int orphansRemoved,
    Map<String, String> failed,
    long retries,
    long throttled,
    Duration elapsed) {

  double devicesPerSecond() {
    double seconds = elapsed.toMillis() / 1000.0;
    return seconds == 0 ? 0 : (issued + recovered) / seconds;
  }

  ObjectNode toJson() {
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("requested", requested)
            .put("issued", issued)
            .put("recovered", recovered)
            .put("skipped", skipped)
            .put("orphansRemoved", orphansRemoved)
            .put("retries", retries)
            .put("throttled", throttled)
            .put("elapsedSeconds", elapsed.toMillis() / 1000.0)
            .put("devicesPerSecond", Math.round(devicesPerSecond() * 10) / 10.0);
    ObjectNode failures = json.putObject("failed");
    failed.forEach(failures::put);
    return json;
  }
}
