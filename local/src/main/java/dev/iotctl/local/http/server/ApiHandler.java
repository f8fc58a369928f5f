package dev.iotctl.local.http.server;

/** Serves one operation. Errors are thrown as {@code IotException}, never returned. */
@FunctionalInterface
public interface ApiHandler {
  ApiResponse handle(ApiRequest request);
}
