package dev.iotctl.local.gateway;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The broker's retained messages, one per topic, as AWS IoT Core keeps them: stored when a message
 * with RETAIN set is published (by a device or through the data plane), deleted by a retained
 * message with an empty payload, delivered with RETAIN set to a new subscription whose filter is
 * exactly the topic (never to a wildcard filter), and readable through GetRetainedMessage and
 * ListRetainedMessages. Held in memory: they do not survive a restart of the stand-in.
 */
public final class RetainedMessages {
  /**
   * A retained message.
   *
   * @param qos the QoS it was published with, 0 or 1
   * @param lastModifiedTime when it was stored, in epoch milliseconds
   */
  public record RetainedMessage(String topic, byte[] payload, int qos, long lastModifiedTime) {}

  /** One page of a listing, and the topic to continue after, if there are more. */
  public record Page(List<RetainedMessage> messages, Optional<String> lastTopic) {}

  private final ConcurrentSkipListMap<String, RetainedMessage> byTopic =
      new ConcurrentSkipListMap<>();
  private final Clock clock;

  RetainedMessages(Clock clock) {
    this.clock = clock;
  }

  /** Keeps {@code payload} as the retained message of {@code topic}; an empty one deletes it. */
  void retain(String topic, byte[] payload, int qos) {
    if (payload.length == 0) {
      byTopic.remove(topic);
    } else {
      byTopic.put(topic, new RetainedMessage(topic, payload, qos, clock.millis()));
    }
  }

  public Optional<RetainedMessage> get(String topic) {
    return Optional.ofNullable(byTopic.get(topic));
  }

  /** Up to {@code max} messages in topic order, starting after {@code afterTopic} (or first). */
  public Page list(int max, String afterTopic) {
    Map<String, RetainedMessage> rest =
        afterTopic == null ? byTopic : byTopic.tailMap(afterTopic, false);
    List<RetainedMessage> page = new ArrayList<>(Math.min(max, 64));
    for (RetainedMessage m : rest.values()) {
      if (page.size() == max) {
        return new Page(page, Optional.of(page.get(page.size() - 1).topic()));
      }
      page.add(m);
    }
    return new Page(page, Optional.empty());
  }
}
