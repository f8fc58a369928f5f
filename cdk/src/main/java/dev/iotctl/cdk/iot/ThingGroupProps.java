package dev.iotctl.cdk.iot;

import java.util.LinkedHashMap;
import java.util.Map;

/** Props for {@link ThingGroup}. */
public final class ThingGroupProps {
  private final String thingGroupName;
  private final IThingGroup parent;
  private final String description;
  private final Map<String, String> attributes;

  private ThingGroupProps(Builder b) {
    this.thingGroupName = b.thingGroupName;
    this.parent = b.parent;
    this.description = b.description;
    this.attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The group's name; CloudFormation generates one when null. */
  public String getThingGroupName() {
    return thingGroupName;
  }

  /** The parent group, or null for a root group. */
  public IThingGroup getParent() {
    return parent;
  }

  public String getDescription() {
    return description;
  }

  /** The group's attributes, in declaration order. */
  public Map<String, String> getAttributes() {
    return attributes;
  }

  /** Builder for {@link ThingGroupProps}. */
  public static final class Builder {
    private String thingGroupName;
    private IThingGroup parent;
    private String description;
    private Map<String, String> attributes = Map.of();

    public Builder thingGroupName(String thingGroupName) {
      this.thingGroupName = thingGroupName;
      return this;
    }

    public Builder parent(IThingGroup parent) {
      this.parent = parent;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    public ThingGroupProps build() {
      return new ThingGroupProps(this);
    }
  }
}
