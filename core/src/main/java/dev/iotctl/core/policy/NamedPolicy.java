package dev.iotctl.core.policy;

import java.util.Objects;

/** A policy document under its policy name, as attached to a principal or thing group. */
public record NamedPolicy(String name, PolicyDocument document) {
  public NamedPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(document, "document");
  }
}
