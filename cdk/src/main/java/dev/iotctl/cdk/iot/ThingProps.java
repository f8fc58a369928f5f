package dev.iotctl.cdk.iot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Props for {@link Thing}. */
public final class ThingProps {
  private final String thingName;
  private final IThingType thingType;
  private final Map<String, String> attributes;
  private final List<IThingGroup> thingGroups;

  private ThingProps(Builder b) {
    this.thingName = b.thingName;
    this.thingType = b.thingType;
    this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
    this.thingGroups = List.copyOf(b.thingGroups);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The thing's name; CloudFormation generates one when null. */
  public String getThingName() {
    return thingName;
  }

  /** The thing's type, or null. */
  public IThingType getThingType() {
    return thingType;
  }

  /** Attributes, in declaration order: at most 3 without a type, 50 with one. */
  public Map<String, String> getAttributes() {
    return attributes;
  }

  /** Static groups the thing belongs to (at most 10, one per hierarchy). */
  public List<IThingGroup> getThingGroups() {
    return thingGroups;
  }

  /** Builder for {@link ThingProps}. */
  public static final class Builder {
    private String thingName;
    private IThingType thingType;
    private Map<String, String> attributes = Map.of();
    private List<IThingGroup> thingGroups = List.of();

    public Builder thingName(String thingName) {
      this.thingName = thingName;
      return this;
    }

    public Builder thingType(IThingType thingType) {
      this.thingType = thingType;
      return this;
    }

    public Builder attributes(Map<String, String> attributes) {
      this.attributes = attributes;
      return this;
    }

    public Builder thingGroups(List<IThingGroup> thingGroups) {
      this.thingGroups = thingGroups;
      return this;
    }

    public ThingProps build() {
      return new ThingProps(this);
    }
  }
}
