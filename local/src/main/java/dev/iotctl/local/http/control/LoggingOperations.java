package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.registry.LogLevel;
import dev.iotctl.local.registry.LogTargetType;
import dev.iotctl.local.registry.LoggingRegistry;
import java.util.List;

/**
 * SetV2LoggingOptions, GetV2LoggingOptions, SetV2LoggingLevel, ListV2LoggingLevels,
 * DeleteV2LoggingLevel. The stand-in applies them to its log of device events ({@code
 * DIR/iot-logs.jsonl}) instead of CloudWatch Logs.
 */
public final class LoggingOperations implements RouteProvider {
  private final LoggingRegistry logging;

  public LoggingOperations(LoggingRegistry logging) {
    this.logging = logging;
  }

  @Override
  public List<Route> routes() {
    String options = "/v2LoggingOptions";
    String level = "/v2LoggingLevel";
    return List.of(
        Route.of("POST", options, "SetV2LoggingOptions", Plane.CONTROL, this::setOptions),
        Route.of("GET", options, "GetV2LoggingOptions", Plane.CONTROL, this::getOptions),
        Route.of("POST", level, "SetV2LoggingLevel", Plane.CONTROL, this::setLevel),
        Route.of("GET", level, "ListV2LoggingLevels", Plane.CONTROL, this::listLevels),
        Route.of("DELETE", level, "DeleteV2LoggingLevel", Plane.CONTROL, this::deleteLevel));
  }

  private ApiResponse setOptions(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    logging.setOptions(
        Fields.string(body, "roleArn"),
        Fields.string(body, "defaultLogLevel").map(v -> LogLevel.parse(v, "defaultLogLevel")),
        Fields.bool(body, "disableAllLogs"));
    return ApiResponse.empty();
  }

  private ApiResponse getOptions(ApiRequest request) {
    LoggingRegistry.LoggingOptions options = logging.options();
    ObjectNode body = Json.object();
    options.roleArn().ifPresent(arn -> body.put("roleArn", arn));
    body.put("defaultLogLevel", options.defaultLogLevel().name());
    body.put("disableAllLogs", options.disableAllLogs());
    return Responses.ok(body);
  }

  private ApiResponse setLevel(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    ObjectNode target =
        Fields.object(body, "logTarget").orElseThrow(() -> Fields.missing("logTarget"));
    LogTargetType type =
        LogTargetType.parse(Fields.requiredString(target, "targetType"), "logTarget.targetType");
    LogLevel level = LogLevel.parse(Fields.requiredString(body, "logLevel"), "logLevel");
    logging.setLevel(type, Fields.string(target, "targetName").orElse(null), level);
    return ApiResponse.empty();
  }

  private ApiResponse listLevels(ApiRequest request) {
    var page =
        logging.listLevels(
            request.query("targetType").map(v -> LogTargetType.parse(v, "targetType")),
            request.queryInt("maxResults", 1, 250).orElse(null),
            request.query("nextToken").orElse(null));
    return Responses.page(
        page,
        "logTargetConfigurations",
        "nextToken",
        (list, entry) -> {
          ObjectNode item = list.addObject();
          ObjectNode target = item.putObject("logTarget");
          target.put("targetType", entry.targetType().name());
          entry.targetName().ifPresent(name -> target.put("targetName", name));
          item.put("logLevel", entry.level().name());
        });
  }

  private ApiResponse deleteLevel(ApiRequest request) {
    LogTargetType type =
        LogTargetType.parse(
            request.query("targetType").orElseThrow(() -> Fields.missing("targetType")),
            "targetType");
    logging.deleteLevel(
        type, request.query("targetName").orElseThrow(() -> Fields.missing("targetName")));
    return ApiResponse.empty();
  }
}
