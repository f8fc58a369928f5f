package dev.iotctl.cdk.iot;

import software.constructs.Construct;
import software.constructs.IConstruct;

/** Where constructs that belong to another construct (attachments, roles) are created. */
public final class Scopes {
  private Scopes() {}

  /**
   * The construct's id, remembered in Java where this library created it (each {@code
   * getNode().getId()} is a round trip to the jsii runtime).
   */
  static String id(IConstruct construct) {
    return construct instanceof KnownId known ? known.constructId() : construct.getNode().getId();
  }

  /** A construct of this library that remembers the id it was created with. */
  interface KnownId {
    String constructId();
  }

  /** {@code construct} as a scope for new children; every construct in this library is one. */
  public static Construct of(IConstruct construct) {
    if (construct instanceof Construct scope) {
      return scope;
    }
    throw new IllegalArgumentException(
        construct.getNode().getPath() + " is not a construct that can hold children");
  }
}
