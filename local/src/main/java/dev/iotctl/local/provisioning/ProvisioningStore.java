package dev.iotctl.local.provisioning;

import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.store.Database;
import java.nio.file.Path;
import java.time.Clock;

/**
 * {@code DIR/provisioning.db}: what provisioning keeps beside the registry (CA certificates,
 * templates, registration tasks). A file of its own, so the registry's schema stays untouched.
 */
final class ProvisioningStore implements AutoCloseable {
  static final String FILE_NAME = "provisioning.db";

  private final Database database;
  private final RegistryConfig account;
  private final Clock clock;

  private ProvisioningStore(Database database, RegistryConfig account, Clock clock) {
    this.database = database;
    this.account = account;
    this.clock = clock;
  }

  static ProvisioningStore open(Path dataDir, RegistryConfig account, Clock clock) {
    return new ProvisioningStore(
        Database.open(dataDir.resolve(FILE_NAME), new ProvisioningSchema()), account, clock);
  }

  Database db() {
    return database;
  }

  RegistryConfig account() {
    return account;
  }

  long now() {
    return clock.millis();
  }

  Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    database.close();
  }
}
