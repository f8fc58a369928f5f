package dev.iotctl.cdk.iot;

import java.util.List;

/** Props for {@link ThingType}. */
public final class ThingTypeProps {
  private final String thingTypeName;
  private final String description;
  private final List<String> searchableAttributes;

  private ThingTypeProps(Builder b) {
    this.thingTypeName = b.thingTypeName;
    this.description = b.description;
    this.searchableAttributes = List.copyOf(b.searchableAttributes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The thing type's name; CloudFormation generates one when null. */
  public String getThingTypeName() {
    return thingTypeName;
  }

  public String getDescription() {
    return description;
  }

  /** Attribute names indexed for search (at most 3). */
  public List<String> getSearchableAttributes() {
    return searchableAttributes;
  }

  /** Builder for {@link ThingTypeProps}. */
  public static final class Builder {
    private String thingTypeName;
    private String description;
    private List<String> searchableAttributes = List.of();

    public Builder thingTypeName(String thingTypeName) {
      this.thingTypeName = thingTypeName;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder searchableAttributes(List<String> searchableAttributes) {
      this.searchableAttributes = searchableAttributes;
      return this;
    }

    public ThingTypeProps build() {
      return new ThingTypeProps(this);
    }
  }
}
