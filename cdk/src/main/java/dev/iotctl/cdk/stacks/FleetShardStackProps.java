package dev.iotctl.cdk.stacks;

import dev.iotctl.cdk.constructs.DeviceFleetProps;
import java.util.Objects;

/** Props for {@link FleetShardStack}. */
public final class FleetShardStackProps {
  private final String fleetName;
  private final int shard;
  private final DeviceFleetProps devices;

  private FleetShardStackProps(Builder b) {
    this.fleetName = Objects.requireNonNull(b.fleetName, "fleetName");
    this.shard = b.shard;
    this.devices = Objects.requireNonNull(b.devices, "devices");
  }

  public static Builder builder() {
    return new Builder();
  }

  public String getFleetName() {
    return fleetName;
  }

  /** The shard number (0-based). */
  public int getShard() {
    return shard;
  }

  /** The devices of this shard. */
  public DeviceFleetProps getDevices() {
    return devices;
  }

  /** Builder for {@link FleetShardStackProps}. */
  public static final class Builder {
    private String fleetName;
    private int shard;
    private DeviceFleetProps devices;

    public Builder fleetName(String fleetName) {
      this.fleetName = fleetName;
      return this;
    }

    public Builder shard(int shard) {
      this.shard = shard;
      return this;
    }

    public Builder devices(DeviceFleetProps devices) {
      this.devices = devices;
      return this;
    }

    public FleetShardStackProps build() {
      return new FleetShardStackProps(this);
    }
  }
}
