package dev.iotctl.local.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** A thing, as DescribeThing reports it ({@code defaultClientId} is the thing's name). */
public record Thing(
    String name,
    String id,
    String arn,
    Optional<String> typeName,
    Map<String, String> attributes,
    long version,
    Instant creationDate) {
  public Thing {
    attributes = Map.copyOf(attributes);
  }
}
