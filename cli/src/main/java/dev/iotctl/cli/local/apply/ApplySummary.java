package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every resource's outcome, in the order applied, with totals per action. */
public record ApplySummary(List<ResourceOutcome> outcomes) {
  public ApplySummary {
    outcomes = List.copyOf(outcomes);
  }

  /** How many resources ended with each action (every action present, zero if none). */
  public Map<ResourceOutcome.Action, Integer> totals() {
    Map<ResourceOutcome.Action, Integer> totals = new EnumMap<>(ResourceOutcome.Action.class);
    for (ResourceOutcome.Action a : ResourceOutcome.Action.values()) {
      totals.put(a, 0);
    }
    outcomes.forEach(o -> totals.merge(o.action(), 1, Integer::sum));
    return totals;
  }

  /** Whether applying changed anything on the target. */
  public boolean changedAnything() {
    return outcomes.stream()
        .anyMatch(
            o ->
                o.action() != ResourceOutcome.Action.UNCHANGED
                    && o.action() != ResourceOutcome.Action.SKIPPED);
  }

  /** {@code {"resources": [...], "totals": {"created": n, ...}}}. */
  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    var resources = json.putArray("resources");
    for (ResourceOutcome o : outcomes) {
      ObjectNode r = resources.addObject();
      r.put("stack", o.stackName())
          .put("logicalId", o.logicalId())
          .put("type", o.type())
          .put("action", o.action().label());
      if (o.physicalId() != null) {
        r.put("physicalId", o.physicalId());
      }
      if (o.reason() != null) {
        r.put("reason", o.reason());
      }
    }
    ObjectNode totals = json.putObject("totals");
    totals().forEach((a, n) -> totals.put(a.label(), n));
    return json;
  }

  /** A table for people: stack, logical id, type, action, physical id or reason; then totals. */
  public String toTable() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"STACK", "LOGICAL ID", "TYPE", "ACTION", "PHYSICAL ID / REASON"});
    for (ResourceOutcome o : outcomes) {
      String detail =
          o.physicalId() == null
              ? (o.reason() == null ? "" : o.reason())
              : o.physicalId() + (o.reason() == null ? "" : " (" + o.reason() + ")");
      rows.add(new String[] {o.stackName(), o.logicalId(), o.type(), o.action().label(), detail});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder table = new StringBuilder();
    for (String[] row : rows) {
      for (int i = 0; i < 4; i++) {
        table.append(row[i]).append(" ".repeat(widths[i] - row[i].length() + 2));
      }
      table.append(row[4]).append('\n');
    }
    List<String> counts = new ArrayList<>();
    totals().forEach((a, n) -> counts.add(n + " " + a.label()));
    return table.append(String.join(", ", counts)).toString();
  }
}
