package dev.iotctl.local.http.data;

import java.util.List;

/**
 * The Device Shadow service as the HTTP data plane uses it: one service with the MQTT face, so an
 * update here publishes {@code /accepted}, {@code /delta} and {@code /documents} to MQTT
 * subscribers. Failures are thrown as {@code ShadowException} (AWS's code and message).
 *
 * <p>{@code shadowName} is null for the classic shadow.
 */
public interface ShadowBackend {

  /** GetThingShadow: the full shadow document. */
  byte[] get(String thingName, String shadowName);

  /** UpdateThingShadow: the {@code /update/accepted} document. */
  byte[] update(String thingName, String shadowName, byte[] payload);

  /**
   * DeleteThingShadow: the {@code /delete/accepted} document ({@code version}, {@code timestamp}).
   */
  byte[] delete(String thingName, String shadowName);

  /** Names of the thing's existing (not deleted) named shadows, sorted. */
  List<String> namedShadows(String thingName);
}
