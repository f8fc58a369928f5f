package dev.iotctl.cli.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Desired versus reported, leaf by leaf. Unlike the service's delta it also lists reported-only
 * keys, which is what a person debugging a device wants to see.
 */
public record ShadowDiff(List<Difference> differences) {

  /** One leaf that differs; a missing side is null. */
  public record Difference(String path, JsonNode desired, JsonNode reported) {
    public String kind() {
      if (reported == null) {
        return "pending";
      }
      return desired == null ? "reported-only" : "changed";
    }
  }

  public static ShadowDiff of(JsonNode shadowDocument) {
    JsonNode state = shadowDocument.path("state");
    List<Difference> out = new ArrayList<>();
    compare("", state.path("desired"), state.path("reported"), out);
    return new ShadowDiff(out);
  }

  /** True when every desired leaf is reported with the same value (no delta). */
  public boolean inSync() {
    return differences.stream().noneMatch(d -> d.desired() != null);
  }

  public JsonNode toJson() {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("inSync", inSync());
    ArrayNode list = json.putArray("differences");
    for (Difference d : differences) {
      ObjectNode item = list.addObject().put("path", d.path()).put("kind", d.kind());
      if (d.desired() != null) {
        item.set("desired", d.desired());
      }
      if (d.reported() != null) {
        item.set("reported", d.reported());
      }
    }
    return json;
  }

  public String toText() {
    if (differences.isEmpty()) {
      return "in sync: reported matches desired";
    }
    StringBuilder sb = new StringBuilder();
    for (Difference d : differences) {
      switch (d.kind()) {
        case "pending" -> sb.append("+ ").append(d.path()).append(": desired ").append(d.desired());
        case "reported-only" ->
            sb.append("  ").append(d.path()).append(": reported ").append(d.reported());
        default ->
            sb.append("~ ")
                .append(d.path())
                .append(": reported ")
                .append(d.reported())
                .append(" -> desired ")
                .append(d.desired());
      }
      sb.append('\n');
    }
    sb.append(inSync() ? "in sync (reported-only keys aside)" : "not in sync");
    return sb.toString();
  }

  private static void compare(
      String path, JsonNode desired, JsonNode reported, List<Difference> out) {
    boolean hasDesired = !desired.isMissingNode() && !desired.isNull();
    boolean hasReported = !reported.isMissingNode() && !reported.isNull();
    if (hasDesired && hasReported && desired.isObject() && reported.isObject()) {
      TreeSet<String> keys = new TreeSet<>();
      desired.fieldNames().forEachRemaining(keys::add);
      reported.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        compare(join(path, key), desired.path(key), reported.path(key), out);
      }
    } else if (hasDesired && desired.isObject() && !hasReported) {
      for (Iterator<String> it = desired.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        compare(join(path, key), desired.get(key), MissingNode.getInstance(), out);
      }
    } else if (hasReported && reported.isObject() && !hasDesired) {
      for (Iterator<String> it = reported.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        compare(join(path, key), MissingNode.getInstance(), reported.get(key), out);
      }
    } else if (hasDesired || hasReported) {
      if (!(hasDesired && hasReported && desired.equals(reported))) {
        out.add(
            new Difference(
                path.isEmpty() ? "." : path,
                hasDesired ? desired : null,
                hasReported ? reported : null));
      }
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
