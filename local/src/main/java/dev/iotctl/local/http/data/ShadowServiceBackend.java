package dev.iotctl.local.http.data;

import dev.iotctl.local.shadow.ShadowService;
import java.util.List;
import java.util.function.Function;

/**
 * The data plane on the stand-in's one {@link ShadowService}: HTTP and MQTT shadow requests share
 * its per-thing lanes, storage and publications.
 */
public final class ShadowServiceBackend implements ShadowBackend {
  private final ShadowService service;
  private final Function<String, List<String>> namedShadows;

  /**
   * @param service the shadow service the MQTT bridge also uses
   * @param namedShadows lists a thing's existing named shadows, sorted (from shadow storage)
   */
  public ShadowServiceBackend(ShadowService service, Function<String, List<String>> namedShadows) {
    this.service = service;
    this.namedShadows = namedShadows;
  }

  @Override
  public byte[] get(String thingName, String shadowName) {
    return service.get(thingName, shadowName, null).json();
  }

  @Override
  public byte[] update(String thingName, String shadowName, byte[] payload) {
    return service.update(thingName, shadowName, payload).acceptedJson();
  }

  @Override
  public byte[] delete(String thingName, String shadowName) {
    return service.delete(thingName, shadowName, new byte[0]).acceptedJson();
  }

  @Override
  public List<String> namedShadows(String thingName) {
    return namedShadows.apply(thingName);
  }
}
