package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.fleet.Fleet;
import java.util.Objects;

/** Props for {@link CoreStack}. */
public final class CoreStackProps {
  private final Fleet fleet;

  private CoreStackProps(Builder b) {
    this.fleet = Objects.requireNonNull(b.fleet, "fleet");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The fleet whose shared resources the stack holds. */
  public Fleet getFleet() {
    return fleet;
  }

  /** Builder for {@link CoreStackProps}. */
  public static final class Builder {
    private Fleet fleet;

    public Builder fleet(Fleet fleet) {
      this.fleet = fleet;
      return this;
    }

    public CoreStackProps build() {
      return new CoreStackProps(this);
    }
  }
}
