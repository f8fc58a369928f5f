package dev.iotctl.local.registry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A thing type, as DescribeThingType reports it. */
public record ThingType(
    String name,
    String id,
    String arn,
    Optional<String> description,
    List<String> searchableAttributes,
    boolean deprecated,
    Optional<Instant> deprecationDate,
    Instant creationDate) {
  public ThingType {
    searchableAttributes = List.copyOf(searchableAttributes);
  }
}
