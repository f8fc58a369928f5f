package dev.iotctl.local.http.data;

import dev.iotctl.core.shadow.StoredShadow;
import java.util.List;
import java.util.Optional;

/**
 * The shadow service's storage on the registry's SQLite shadow table (the classic shadow under
 * {@code ""}), and the listing ListNamedShadowsForThing needs: named shadows that exist, leaving
 * out the tombstones a delete keeps for version continuity.
 */
public final class RegistryShadows implements dev.iotctl.local.shadow.ShadowStore {
  private final dev.iotctl.local.registry.ShadowStore table;

  public RegistryShadows(dev.iotctl.local.registry.ShadowStore table) {
    this.table = table;
  }

  @Override
  public Optional<String> load(String thingName, String shadowName) {
    return table.loadShadow(thingName, key(shadowName));
  }

  @Override
  public void save(String thingName, String shadowName, String json) {
    table.saveShadow(thingName, key(shadowName), json);
  }

  /** The thing's existing named shadows, sorted. */
  public List<String> liveNamedShadows(String thingName) {
    return table.listShadowNames(thingName).stream()
        .filter(
            name ->
                table
                    .loadShadow(thingName, name)
                    .map(json -> StoredShadow.fromJson(json).exists())
                    .orElse(false))
        .toList();
  }

  private static String key(String shadowName) {
    return shadowName == null ? dev.iotctl.local.registry.ShadowStore.CLASSIC : shadowName;
  }
}
