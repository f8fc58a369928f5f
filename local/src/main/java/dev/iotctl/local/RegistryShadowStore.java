package dev.iotctl.local;

import dev.iotctl.local.shadow.ShadowStore;
import java.util.Optional;

/** Shadows kept in the registry database, so they survive restarts and crashes. */
final class RegistryShadowStore implements ShadowStore {
  private final dev.iotctl.local.registry.ShadowStore shadows;

  RegistryShadowStore(dev.iotctl.local.registry.ShadowStore shadows) {
    this.shadows = shadows;
  }

  @Override
  public Optional<String> load(String thingName, String shadowName) {
    return shadows.loadShadow(thingName, storedName(shadowName));
  }

  @Override
  public void save(String thingName, String shadowName, String json) {
    shadows.saveShadow(thingName, storedName(shadowName), json);
  }

  /** The service names the classic shadow null; the registry stores it under "". */
  private static String storedName(String shadowName) {
    return shadowName == null ? dev.iotctl.local.registry.ShadowStore.CLASSIC : shadowName;
  }
}
