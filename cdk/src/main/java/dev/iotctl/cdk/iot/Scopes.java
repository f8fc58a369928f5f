package dev.iotctl.cdk.iot;

import software.constructs.Construct;
import software.constructs.IConstruct;

/** Where constructs that belong to another construct (attachments, roles) are created. */
public final class Scopes {
  private Scopes() {}

  /** {@code construct} as a scope for new children; every construct in this library is one. */
  public static Construct of(IConstruct construct) {
    if (construct instanceof Construct scope) {
      return scope;
    }
    throw new IllegalArgumentException(
        construct.getNode().getPath() + " is not a construct that can hold children");
  }
}
