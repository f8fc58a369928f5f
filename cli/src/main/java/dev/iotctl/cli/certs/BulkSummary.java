package dev.iotctl.cli.certs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.Json;
import java.time.Duration;
import java.util.Map;

/** The end of a bulk run: what was issued, skipped and why anything failed. */
record BulkSummary(
    int requested,
    int issued,
    int recovered,
    int skipped,
    Map<String, String> failed,
    Duration elapsed) {

  double devicesPerSecond() {
    double seconds = elapsed.toMillis() / 1000.0;
    return seconds == 0 ? 0 : (issued + recovered) / seconds;
  }

  JsonNode toJson() {
    ObjectNode json =
        Json.MAPPER
            .createObjectNode()
            .put("requested", requested)
            .put("issued", issued)
            .put("recovered", recovered)
            .put("skipped", skipped)
            .put("elapsedSeconds", elapsed.toMillis() / 1000.0)
            .put("devicesPerSecond", Math.round(devicesPerSecond() * 10) / 10.0);
    ObjectNode failures = json.putObject("failed");
    failed.forEach(failures::put);
    return json;
  }

  String toText() {
    StringBuilder sb =
        new StringBuilder()
            .append(
                String.format(
                    "issued %d, recovered %d, skipped %d (already issued), failed %d of %d in %.1f s"
                        + " (%.1f devices/s)",
                    issued,
                    recovered,
                    skipped,
                    failed.size(),
                    requested,
                    elapsed.toMillis() / 1000.0,
                    devicesPerSecond()));
    failed.forEach(
        (device, reason) -> sb.append("\n  failed ").append(device).append(": ").append(reason));
    return sb.toString();
  }
}
