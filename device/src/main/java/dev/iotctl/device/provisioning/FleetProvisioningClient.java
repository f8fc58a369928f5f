package dev.iotctl.device.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.device.mqtt.DeviceConnection;
import dev.iotctl.device.mqtt.Qos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fleet provisioning requests over a connection made with the claim certificate. Each request
 * subscribes to its {@code /accepted} and {@code /rejected} topics first (AWS: "subscribe to the
 * response topics before you publish a request"), publishes, and waits for the reply.
 */
public final class FleetProvisioningClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeviceConnection connection;
  private final Duration timeout;

  public FleetProvisioningClient(DeviceConnection connection, Duration timeout) {
    this.connection = connection;
    this.timeout = timeout;
  }

  /** A certificate made from the device's CSR, PENDING_ACTIVATION until RegisterThing. */
  public record CreatedCertificate(
      String certificateId, String certificatePem, String certificateOwnershipToken) {}

  /** RegisterThing's answer. */
  public record RegisteredThing(String thingName, Map<String, String> deviceConfiguration) {}

  /** CreateCertificateFromCsr: the private key stays with the caller. */
  public CreatedCertificate createCertificateFromCsr(String csrPem) {
    ObjectNode request = JSON.createObjectNode().put("certificateSigningRequest", csrPem);
    JsonNode reply = request("$aws/certificates/create-from-csr/json", request);
    return new CreatedCertificate(
        reply.path("certificateId").asText(),
        reply.path("certificatePem").asText(),
        reply.path("certificateOwnershipToken").asText());
  }

  /** RegisterThing with a provisioning template. */
  public RegisteredThing registerThing(
      String templateName, String ownershipToken, Map<String, String> parameters) {
    ObjectNode request = JSON.createObjectNode().put("certificateOwnershipToken", ownershipToken);
    ObjectNode params = request.putObject("parameters");
    parameters.forEach(params::put);
    JsonNode reply =
        request("$aws/provisioning-templates/" + templateName + "/provision/json", request);
    Map<String, String> configuration = new LinkedHashMap<>();
    reply
        .path("deviceConfiguration")
        .fields()
        .forEachRemaining(e -> configuration.put(e.getKey(), e.getValue().asText()));
    return new RegisteredThing(reply.path("thingName").asText(null), configuration);
  }

  private JsonNode request(String topic, ObjectNode body) {
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    String accepted = topic + "/accepted";
    String rejected = topic + "/rejected";
    try {
      await(connection.subscribe(accepted, Qos.AT_LEAST_ONCE, (t, p) -> reply.complete(parse(p))));
      await(
          connection.subscribe(
              rejected,
              Qos.AT_LEAST_ONCE,
              (t, p) -> {
                JsonNode error = parse(p);
                reply.completeExceptionally(
                    new ProvisioningRejectedException(
                        error.path("statusCode").asInt(),
                        error.path("errorCode").asText(),
                        error.path("errorMessage").asText()));
              }));
      await(
          connection.publish(
              topic, body.toString().getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE));
      return await(reply);
    } finally {
      connection.unsubscribe(accepted);
      connection.unsubscribe(rejected);
    }
  }

  private static JsonNode parse(byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no reply within " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}
