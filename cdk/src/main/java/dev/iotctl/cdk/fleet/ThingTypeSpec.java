package dev.iotctl.cdk.fleet;

import java.util.List;

/** A thing type: its name, description and up to three searchable attributes. */
public record ThingTypeSpec(String name, String description, List<String> searchableAttributes) {
  public ThingTypeSpec {
    Required.present(name, "name");
    searchableAttributes = Required.list(searchableAttributes);
  }
}
