package dev.iotctl.local.shadow;

import java.util.Optional;

/** Where shadows live: opaque JSON ({@code StoredShadow.toJson}) per thing and shadow name. */
public interface ShadowStore {

  /** The stored shadow; {@code shadowName} is null for the classic shadow. */
  Optional<String> load(String thingName, String shadowName);

  void save(String thingName, String shadowName, String json);
}
