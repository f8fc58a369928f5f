package dev.iotctl.local.http.data;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.topic.IotLimits;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publish ({@code POST /topics/{topic}}): the raw body becomes the MQTT payload of a message on
 * {@code topic} with {@code qos} 0 or 1 and {@code retain}. The topic is the rest of the path: the
 * SDKs encode its slashes ({@code %2F}), AWS's own HTTPS example sends them as they are ({@code
 * /topics/a/b}); both mean {@code a/b}. The payload limit (128 KB) is enforced by the server.
 */
public final class PublishOperation implements RouteProvider {
  private final MessagePublisher publisher;

  public PublishOperation(MessagePublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/topics/{topic+}", "Publish", Plane.DATA, this::publish));
  }

  private ApiResponse publish(ApiRequest request) {
    String topic = request.path("topic");
    int qos = request.queryInt("qos", 0, 1).orElse(0);
    boolean retain = request.queryBoolean("retain").orElse(false);
    validate(topic);
    publisher.publish(topic, request.body(), qos, retain);
    return ApiResponse.empty();
  }

  private static void validate(String topic) {
    if (topic.indexOf('#') >= 0 || topic.indexOf('+') >= 0 || topic.indexOf('\0') >= 0) {
      throw IotException.invalidRequest("Topic name must not contain wildcard characters.");
    }
    if (topic.getBytes(StandardCharsets.UTF_8).length > IotLimits.TOPIC_MAX_BYTES) {
      throw IotException.invalidRequest(
          "Topic name exceeds the maximum length of " + IotLimits.TOPIC_MAX_BYTES + " bytes.");
    }
    // AWS counts slashes after a reserved prefix such as $aws/things/<thing>/shadow/ separately;
    // the depth limit applies to the caller's own topics.
    if (!topic.startsWith("$aws/")
        && topic.chars().filter(c -> c == '/').count() > IotLimits.TOPIC_MAX_SLASHES) {
      throw IotException.invalidRequest(
          "Topic name exceeds the maximum of " + IotLimits.TOPIC_MAX_SLASHES + " forward slashes.");
    }
  }
}
