package dev.iotctl.local.http.data;

import dev.iotctl.core.shadow.ShadowEngine;
import dev.iotctl.core.shadow.StoredShadow;
import dev.iotctl.core.shadow.UpdateResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A shadow backend on the real core shadow engine, stored in memory, recording what it publishes.
 */
final class InMemoryShadows implements ShadowBackend {
  record Published(String topic, String payload) {}

  private final ShadowEngine engine = new ShadowEngine();
  private final Map<String, StoredShadow> store = new ConcurrentHashMap<>();
  final List<Published> published = new CopyOnWriteArrayList<>();

  @Override
  public synchronized byte[] get(String thing, String shadow) {
    return engine.get(thing, shadow, store.get(key(thing, shadow)), null).json();
  }

  @Override
  public synchronized byte[] update(String thing, String shadow, byte[] payload) {
    UpdateResult result = engine.update(thing, shadow, store.get(key(thing, shadow)), payload);
    store.put(key(thing, shadow), result.newState());
    result
        .deltaJson()
        .ifPresent(
            d ->
                published.add(
                    new Published(topic(thing, shadow) + "/update/delta", new String(d))));
    published.add(
        new Published(
            topic(thing, shadow) + "/update/documents", new String(result.documentsJson())));
    return result.acceptedJson();
  }

  @Override
  public synchronized byte[] delete(String thing, String shadow) {
    var result = engine.delete(thing, shadow, store.get(key(thing, shadow)), new byte[0]);
    store.put(key(thing, shadow), result.newState());
    return result.acceptedJson();
  }

  @Override
  public List<String> namedShadows(String thing) {
    String prefix = thing + "\0";
    return store.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix) && e.getKey().length() > prefix.length())
        .filter(e -> e.getValue().exists())
        .map(e -> e.getKey().substring(prefix.length()))
        .sorted()
        .toList();
  }

  private static String key(String thing, String shadow) {
    return thing + "\0" + (shadow == null ? "" : shadow);
  }

  private static String topic(String thing, String shadow) {
    return "$aws/things/" + thing + "/shadow" + (shadow == null ? "" : "/name/" + shadow);
  }
}
