package dev.iotctl.local.registry;

import dev.iotctl.local.store.Database;
import java.time.Clock;

/** What every registry service shares: the database, the ARN settings, the clock, the listeners. */
record Context(Database db, RegistryConfig config, Clock clock, Listeners listeners) {
  long now() {
    return clock.millis();
  }
}
