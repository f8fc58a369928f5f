package dev.iotctl.local.http.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.topic.TopicFilters;
import dev.iotctl.local.gateway.RetainedMessages;
import dev.iotctl.local.gateway.RetainedMessages.RetainedMessage;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * GetRetainedMessage ({@code GET /retainedMessage/{topic}}: topic, base64 payload, qos,
 * lastModifiedTime in epoch milliseconds) and ListRetainedMessages ({@code GET /retainedMessage}:
 * {@code retainedTopics} with topic, payloadSize, qos, lastModifiedTime, in topic order, paged by
 * {@code maxResults} (1–200, default 50) and an opaque {@code nextToken}).
 */
public final class RetainedMessageOperations implements RouteProvider {
  private static final int DEFAULT_PAGE = 50;

  private final RetainedMessages retained;

  public RetainedMessageOperations(RetainedMessages retained) {
    this.retained = retained;
  }

  @Override
  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/retainedMessage/{topic}", "GetRetainedMessage", Plane.DATA, this::get),
        Route.of("GET", "/retainedMessage", "ListRetainedMessages", Plane.DATA, this::list));
  }

  private ApiResponse get(ApiRequest request) {
    String topic = request.path("topic");
    if (!TopicFilters.isWellFormedTopic(topic) || !TopicFilters.withinLimits(topic)) {
      throw IotException.invalidRequest("Invalid topic name: " + topic);
    }
    RetainedMessage message =
        retained
            .get(topic)
            .orElseThrow(
                () -> IotException.notFound("No retained message exists for topic " + topic));
    ObjectNode body = Json.object();
    body.put("topic", message.topic());
    body.put("payload", Base64.getEncoder().encodeToString(message.payload()));
    body.put("qos", message.qos());
    body.put("lastModifiedTime", message.lastModifiedTime());
    return ApiResponse.json(Json.bytes(body));
  }

  private ApiResponse list(ApiRequest request) {
    int max = request.queryInt("maxResults", 1, 200).orElse(DEFAULT_PAGE);
    String after = request.query("nextToken").map(RetainedMessageOperations::topicOf).orElse(null);
    RetainedMessages.Page page = retained.list(max, after);
    ObjectNode body = Json.object();
    ArrayNode topics = body.putArray("retainedTopics");
    for (RetainedMessage m : page.messages()) {
      topics
          .addObject()
          .put("topic", m.topic())
          .put("payloadSize", m.payload().length)
          .put("qos", m.qos())
          .put("lastModifiedTime", m.lastModifiedTime());
    }
    page.lastTopic().ifPresent(last -> body.put("nextToken", tokenOf(last)));
    return ApiResponse.json(Json.bytes(body));
  }

  private static String tokenOf(String topic) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("t:" + topic).getBytes(StandardCharsets.UTF_8));
  }

  private static String topicOf(String token) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith("t:")) {
        return decoded.substring(2);
      }
    } catch (IllegalArgumentException e) {
      // fall through
    }
    throw IotException.invalidRequest("The nextToken is invalid.");
  }
}
