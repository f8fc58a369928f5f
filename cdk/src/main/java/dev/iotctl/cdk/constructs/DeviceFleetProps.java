package dev.iotctl.cdk.constructs;

import dev.iotctl.cdk.fleet.ThingSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Props for {@link DeviceFleet}. */
public final class DeviceFleetProps {
  private final List<ThingSpec> things;
  private final Function<String, Path> paths;
  private final Set<String> thingTypes;
  private final Set<String> thingGroups;
  private final Set<String> policies;
  private final String bindingsServiceToken;

  private DeviceFleetProps(Builder b) {
    this.things = List.copyOf(Objects.requireNonNull(b.things, "things"));
    this.paths = Objects.requireNonNull(b.paths, "paths");
    this.thingTypes = Set.copyOf(b.thingTypes);
    this.thingGroups = Set.copyOf(b.thingGroups);
    this.policies = Set.copyOf(b.policies);
    this.bindingsServiceToken = b.bindingsServiceToken;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The devices to create. */
  public List<ThingSpec> getThings() {
    return things;
  }

  /** Resolves the CSR/certificate paths written in the fleet file. */
  public Function<String, Path> getPaths() {
    return paths;
  }

  /** Thing type names the devices may use. */
  public Set<String> getThingTypes() {
    return thingTypes;
  }

  /** Thing group names the devices may join. */
  public Set<String> getThingGroups() {
    return thingGroups;
  }

  /** Policy names the devices' certificates may have attached. */
  public Set<String> getPolicies() {
    return policies;
  }

  /** Service token of the {@link ThingBindingsProvider}; needed when devices have types/groups. */
  public String getBindingsServiceToken() {
    return bindingsServiceToken;
  }

  /** Builder for {@link DeviceFleetProps}. */
  public static final class Builder {
    private List<ThingSpec> things;
    private Function<String, Path> paths;
    private Set<String> thingTypes = Set.of();
    private Set<String> thingGroups = Set.of();
    private Set<String> policies = Set.of();
    private String bindingsServiceToken;

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

    public Builder thingGroups(Set<String> thingGroups) {
      this.thingGroups = thingGroups;
      return this;
    }

    public Builder policies(Set<String> policies) {
      this.policies = policies;
      return this;
    }

    public Builder bindingsServiceToken(String bindingsServiceToken) {
      this.bindingsServiceToken = bindingsServiceToken;
      return this;
    }

    public DeviceFleetProps build() {
      return new DeviceFleetProps(this);
    }
  }
}
