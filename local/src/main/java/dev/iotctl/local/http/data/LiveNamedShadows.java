package dev.iotctl.local.http.data;

import dev.iotctl.core.shadow.StoredShadow;
import dev.iotctl.local.registry.ShadowStore;
import java.util.List;
import java.util.function.Function;

/**
 * ListNamedShadowsForThing's view of shadow storage: a thing's named shadows that exist, leaving
 * out the tombstones a delete keeps so a recreated shadow continues its version.
 */
public final class LiveNamedShadows implements Function<String, List<String>> {
  private final ShadowStore shadows;

  public LiveNamedShadows(ShadowStore shadows) {
    this.shadows = shadows;
  }

  @Override
  public List<String> apply(String thingName) {
    return shadows.listShadowNames(thingName).stream()
        .filter(
            name ->
                shadows
                    .loadShadow(thingName, name)
                    .map(json -> StoredShadow.fromJson(json).exists())
                    .orElse(false))
        .toList();
  }
}
