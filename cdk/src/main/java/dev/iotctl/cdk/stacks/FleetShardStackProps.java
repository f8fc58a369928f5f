package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.fleet.ThingSpec;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Props for {@link FleetShardStack}: its devices and what the core stack declares. */
public final class FleetShardStackProps {
  private final String fleetName;
  private final int shard;
  private final List<ThingSpec> things;
  private final Function<String, Path> paths;
  private final Set<String> thingTypes;
  private final Map<String, String> thingGroupParents;
  private final Set<String> policies;
  private final String bindingsFunctionName;

  private FleetShardStackProps(Builder b) {
    this.fleetName = Objects.requireNonNull(b.fleetName, "fleetName");
    this.shard = b.shard;
    this.things = List.copyOf(b.things);
    this.paths = Objects.requireNonNull(b.paths, "paths");
    this.thingTypes = Set.copyOf(b.thingTypes);
    this.thingGroupParents = Collections.unmodifiableMap(new LinkedHashMap<>(b.thingGroupParents));
    this.policies = Set.copyOf(b.policies);
    this.bindingsFunctionName =
        Objects.requireNonNull(b.bindingsFunctionName, "bindingsFunctionName");
  }

  public static Builder builder() {
    return new Builder();
  }

  public String getFleetName() {
    return fleetName;
  }

  /** The shard number (0-based). */
  public int getShard() {
    return shard;
  }

  /** The devices of this shard. */
  public List<ThingSpec> getThings() {
    return things;
  }

  /** Resolves the CSR/certificate paths written in the fleet file. */
  public Function<String, Path> getPaths() {
    return paths;
  }

  /** Thing type names the core declares. */
  public Set<String> getThingTypes() {
    return thingTypes;
  }

  /** Thing groups the core declares, each with its parent's name (null for a root). */
  public Map<String, String> getThingGroupParents() {
    return thingGroupParents;
  }

  /** Policy names the core declares. */
  public Set<String> getPolicies() {
    return policies;
  }

  /** The fixed name of the core's custom-resource function. */
  public String getBindingsFunctionName() {
    return bindingsFunctionName;
  }

  /** Builder for {@link FleetShardStackProps}. */
  public static final class Builder {
    private String fleetName;
    private int shard;
    private List<ThingSpec> things = List.of();
    private Function<String, Path> paths;
    private Set<String> thingTypes = Set.of();
    private Map<String, String> thingGroupParents = Map.of();
    private Set<String> policies = Set.of();
    private String bindingsFunctionName;

    public Builder fleetName(String fleetName) {
      this.fleetName = fleetName;
      return this;
    }

    public Builder shard(int shard) {
      this.shard = shard;
      return this;
    }

    public Builder things(List<ThingSpec> things) {
      this.things = things;
      return this;
    }

    public Builder paths(Function<String, Path> paths) {
      this.paths = paths;
      return this;
    }

    public Builder thingTypes(Set<String> thingTypes) {
      this.thingTypes = thingTypes;
      return this;
    }

    public Builder thingGroupParents(Map<String, String> thingGroupParents) {
      this.thingGroupParents = thingGroupParents;
      return this;
    }

    public Builder policies(Set<String> policies) {
      this.policies = policies;
      return this;
    }

    public Builder bindingsFunctionName(String bindingsFunctionName) {
      this.bindingsFunctionName = bindingsFunctionName;
      return this;
    }

    public FleetShardStackProps build() {
      return new FleetShardStackProps(this);
    }
  }
}
