package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.fleet.Fleet;
import java.util.Objects;

/** Props for {@link CoreStack}. */
public final class CoreStackProps {
  private final Fleet fleet;
  private final boolean bindingsNeeded;

  private CoreStackProps(Builder b) {
    this.fleet = Objects.requireNonNull(b.fleet, "fleet");
    this.bindingsNeeded = b.bindingsNeeded;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The fleet whose shared resources the stack holds. */
  public Fleet getFleet() {
    return fleet;
  }

  /** Whether any thing has a type or groups, so the bindings function is needed. */
  public boolean isBindingsNeeded() {
    return bindingsNeeded;
  }

  /** Builder for {@link CoreStackProps}. */
  public static final class Builder {
    private Fleet fleet;
    private boolean bindingsNeeded;

    public Builder fleet(Fleet fleet) {
      this.fleet = fleet;
      return this;
    }

    public Builder bindingsNeeded(boolean bindingsNeeded) {
      this.bindingsNeeded = bindingsNeeded;
      return this;
    }

    public CoreStackProps build() {
      return new CoreStackProps(this);
    }
  }
}
