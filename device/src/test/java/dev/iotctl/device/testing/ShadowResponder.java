package dev.iotctl.device.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * TEST-ONLY stand-in for the Device Shadow service on a plain MQTT broker, just enough to exercise
 * the request/response and delta flow: get, update (top-level merge, null deletes), delete, each
 * answered on {@code /accepted} or {@code /rejected} with the request's clientToken; {@code
 * /update/delta} when desired and reported differ; {@code /update/documents}. It talks plain Paho,
 * independent of the client under test. It is not the stand-in's shadow service.
 */
public final class ShadowResponder implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REQUEST =
      Pattern.compile("\\$aws/things/([^/]+)/shadow(?:/name/([^/]+))?/(get|update|delete)");

  private final MqttAsyncClient client;
  private final Map<String, ObjectNode> shadows = new ConcurrentHashMap<>();
  private final Set<String> ignoredThings = ConcurrentHashMap.newKeySet();

  private ShadowResponder(String port, SSLContext tls) throws MqttException {
    client =
        new MqttAsyncClient("ssl://127.0.0.1:" + port, "shadow-responder", new MemoryPersistence());
    client.setCallback(
        new MqttCallbackExtended() {
          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
              subscribe();
            }
          }

          @Override
          public void connectionLost(Throwable cause) {}

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            handle(topic, message.getPayload());
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(tls.getSocketFactory());
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay(500);
    client.connect(options).waitForCompletion(10_000);
    subscribe().waitForCompletion(10_000);
  }

  private IMqttToken subscribe() {
    try {
      return client.subscribe(
          new String[] {"$aws/things/+/shadow/+", "$aws/things/+/shadow/name/+/+"},
          new int[] {1, 1});
    } catch (MqttException e) {
      throw new IllegalStateException("Shadow responder cannot subscribe", e);
    }
  }

  /** True while connected to the broker. */
  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Changes desired state without publishing anything, as if the change happened while the device
   * could not hear it.
   */
  public synchronized void setDesiredQuietly(String thing, String property, int value) {
    ObjectNode shadow = shadows.computeIfAbsent(key(thing, null), k -> emptyShadow());
    ((ObjectNode) shadow.get("state").get("desired")).put(property, value);
    shadow.put("version", shadow.path("version").asLong() + 1);
  }

  public static ShadowResponder start(int port, SSLContext tls) {
    try {
      return new ShadowResponder(String.valueOf(port), tls);
    } catch (MqttException e) {
      throw new IllegalStateException("Shadow responder cannot connect", e);
    }
  }

  /** The stored document ({@code state.desired}, {@code state.reported}, {@code version}). */
  public Optional<JsonNode> document(String thing, String shadowName) {
    return Optional.ofNullable(shadows.get(key(thing, shadowName))).map(JsonNode::deepCopy);
  }

  /** Desired properties that differ from reported ones; empty when converged. */
  public ObjectNode delta(String thing, String shadowName) {
    ObjectNode shadow = shadows.get(key(thing, shadowName));
    return shadow == null ? JSON.createObjectNode() : delta(shadow);
  }

  /** Leaves requests for {@code thing} unanswered, to exercise client timeouts. */
  public void ignore(String thing) {
    ignoredThings.add(thing);
  }

  @Override
  public void close() {
    try {
      client.disconnect().waitForCompletion(5_000);
      client.close();
    } catch (MqttException e) {
      // The broker may already be gone.
    }
  }

  private synchronized void handle(String topic, byte[] payload) {
    Matcher request = REQUEST.matcher(topic);
    if (!request.matches() || ignoredThings.contains(request.group(1))) {
      return; // Our own replies also match the subscriptions.
    }
    String prefix = topic.substring(0, topic.lastIndexOf('/'));
    String operation = request.group(3);
    String key = key(request.group(1), request.group(2));
    JsonNode body;
    try {
      body = payload.length == 0 ? JSON.createObjectNode() : JSON.readTree(payload);
    } catch (java.io.IOException e) {
      reject(topic, null, 400, "Invalid JSON");
      return;
    }
    String clientToken =
        body.path("clientToken").isTextual() ? body.get("clientToken").asText() : null;
    switch (operation) {
      case "get" -> get(topic, key, request.group(1), clientToken);
      case "delete" -> delete(topic, key, request.group(1), clientToken);
      default -> update(prefix, topic, key, body, clientToken);
    }
  }

  private void get(String topic, String key, String thing, String clientToken) {
    ObjectNode shadow = shadows.get(key);
    if (shadow == null) {
      reject(topic, clientToken, 404, "No shadow exists with name: '" + thing + "'");
      return;
    }
    ObjectNode reply = shadow.deepCopy();
    ObjectNode delta = delta(shadow);
    if (!delta.isEmpty()) {
      ((ObjectNode) reply.get("state")).set("delta", delta);
    }
    publish(topic + "/accepted", withMeta(reply, shadow, clientToken));
  }

  private void delete(String topic, String key, String thing, String clientToken) {
    ObjectNode shadow = shadows.remove(key);
    if (shadow == null) {
      reject(topic, clientToken, 404, "No shadow exists with name: '" + thing + "'");
      return;
    }
    publish(topic + "/accepted", withMeta(JSON.createObjectNode(), shadow, clientToken));
  }

  private void update(String prefix, String topic, String key, JsonNode body, String token) {
    JsonNode state = body.path("state");
    if (!state.isObject()) {
      reject(topic, token, 400, "Missing required node: state");
      return;
    }
    ObjectNode previous = shadows.get(key);
    ObjectNode shadow = previous == null ? emptyShadow() : previous.deepCopy();
    for (String section : new String[] {"desired", "reported"}) {
      JsonNode change = state.path(section);
      ObjectNode target = (ObjectNode) shadow.get("state").get(section);
      if (change.isNull()) {
        target.removeAll();
      } else if (change.isObject()) {
        change.fields().forEachRemaining(f -> merge(target, f.getKey(), f.getValue()));
      }
    }
    shadow.put("version", shadow.path("version").asLong() + 1);
    shadows.put(key, shadow);

    ObjectNode accepted = JSON.createObjectNode();
    accepted.set("state", state.deepCopy());
    publish(topic + "/accepted", withMeta(accepted, shadow, token));
    ObjectNode delta = delta(shadow);
    if (!delta.isEmpty()) {
      ObjectNode message = JSON.createObjectNode();
      message.set("state", delta);
      publish(prefix + "/update/delta", withMeta(message, shadow, null));
    }
    ObjectNode documents = JSON.createObjectNode();
    documents.set("previous", previous == null ? null : previous.deepCopy());
    documents.set("current", shadow.deepCopy());
    publish(prefix + "/update/documents", withMeta(documents, shadow, token));
  }

  private static void merge(ObjectNode target, String name, JsonNode value) {
    if (value.isNull()) {
      target.remove(name);
    } else {
      target.set(name, value.deepCopy());
    }
  }

  private static ObjectNode delta(ObjectNode shadow) {
    ObjectNode delta = JSON.createObjectNode();
    JsonNode desired = shadow.path("state").path("desired");
    JsonNode reported = shadow.path("state").path("reported");
    for (Iterator<String> names = desired.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!desired.get(name).equals(reported.get(name))) {
        delta.set(name, desired.get(name).deepCopy());
      }
    }
    return delta;
  }

  private static ObjectNode emptyShadow() {
    ObjectNode shadow = JSON.createObjectNode();
    ObjectNode state = shadow.putObject("state");
    state.putObject("desired");
    state.putObject("reported");
    shadow.put("version", 0);
    return shadow;
  }

  private static ObjectNode withMeta(ObjectNode message, ObjectNode shadow, String clientToken) {
    message.put("version", shadow.path("version").asLong());
    message.put("timestamp", Instant.now().getEpochSecond());
    if (clientToken != null) {
      message.put("clientToken", clientToken);
    }
    return message;
  }

  private void reject(String requestTopic, String clientToken, int code, String message) {
    ObjectNode error = JSON.createObjectNode().put("code", code).put("message", message);
    error.put("timestamp", Instant.now().getEpochSecond());
    if (clientToken != null) {
      error.put("clientToken", clientToken);
    }
    publish(requestTopic + "/rejected", error);
  }

  private void publish(String topic, JsonNode message) {
    try {
      client.publish(topic, message.toString().getBytes(StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException("Shadow responder cannot publish to " + topic, e);
    }
  }

  private static String key(String thing, String shadowName) {
    return thing + "/" + (shadowName == null ? "" : shadowName);
  }
}
