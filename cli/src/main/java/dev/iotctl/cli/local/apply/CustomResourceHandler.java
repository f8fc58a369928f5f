package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * iotctl's custom resources ({@code Custom::IotctlThingBindings}, {@code
 * Custom::IotctlRemovalGuard}), applied by running the very handler the CDK constructs deploy as a
 * Lambda ({@code custom_resources.py}, bundled in this jar) with boto3 against the stand-in, so
 * local and AWS behaviour cannot drift apart. Needs {@code python3} with boto3 ({@code
 * IOTCTL_PYTHON} names another interpreter).
 */
final class CustomResourceHandler implements ResourceHandler {
  /** Where the handler lives on the classpath (the same path as in the CDK module). */
  static final String HANDLER = "/dev/iotctl/cdk/iot/custom_resources.py";

  /** The deadline the handler gets; it reports a clear failure before {@link #PROCESS_LIMIT}. */
  static final Duration DEADLINE = Duration.ofSeconds(540);

  /** Like the Lambda's own timeout: the process is killed after this. */
  static final Duration PROCESS_LIMIT = Duration.ofSeconds(600);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String resourceType;
  private final String stackName;
  private final Optional<URI> endpoint;
  private final String region;
  private final String python;

  /**
   * @param endpoint the stand-in's IoT API (the client's endpoint override)
   * @param python the interpreter to run ({@code python3} or {@code IOTCTL_PYTHON})
   */
  CustomResourceHandler(
      String resourceType, String stackName, Optional<URI> endpoint, String region, String python) {
    this.resourceType = resourceType;
    this.stackName = stackName;
    this.endpoint = endpoint;
    this.region = region;
    this.python = python;
  }

  /** The interpreter named by {@code IOTCTL_PYTHON}, else {@code python3}. */
  static String interpreter(Map<String, String> environment) {
    String configured = environment.get("IOTCTL_PYTHON");
    return configured == null || configured.isBlank() ? "python3" : configured;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    run("Create", properties, null);
    return new Physical(stackName + "-" + suffix(), Map.of());
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    run("Update", properties, applied.properties());
  }

  /** Nothing of its own exists remotely; its effects are re-applied when a thing is re-created. */
  @Override
  public boolean exists(AppliedResource applied) {
    return true;
  }

  @Override
  public void delete(AppliedResource applied) {
    run("Delete", applied.properties(), null);
  }

  private void run(String requestType, JsonNode properties, JsonNode oldProperties) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("RequestType", requestType);
    event.put("ResourceType", resourceType);
    event.put("StackId", stackName);
    event.set("ResourceProperties", properties);
    if (oldProperties != null) {
      event.set("OldResourceProperties", oldProperties);
    }
    ObjectNode job = JsonNodeFactory.instance.objectNode();
    job.set("Event", event);
    job.put(
        "Endpoint",
        endpoint
            .orElseThrow(() -> new ApplyException(resourceType + ": no stand-in URL to call"))
            .toString());
    job.put("Region", region);
    job.put("TimeoutSeconds", DEADLINE.toSeconds());
    JsonNode result = execute(job);
    if (!"SUCCESS".equals(result.path("Status").asText())) {
      throw new ApplyException(result.path("Reason").asText("the handler reported no reason"));
    }
  }

  private JsonNode execute(JsonNode job) {
    Process process;
    try {
      process =
          new ProcessBuilder(python, "-c", Source.TEXT)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
    } catch (IOException e) {
      throw new ApplyException(needsPython(e.getMessage()), e);
    }
    try (InputStream out = process.getInputStream();
        InputStream err = process.getErrorStream()) {
      CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(out));
      CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(err));
      try (OutputStream in = process.getOutputStream()) {
        in.write(JSON.writeValueAsBytes(job));
      }
      if (!process.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new ApplyException(
            resourceType + ": the handler did not finish in " + PROCESS_LIMIT.toSeconds() + " s");
      }
      String output = new String(stdout.get(), StandardCharsets.UTF_8).strip();
      String errors = new String(stderr.get(), StandardCharsets.UTF_8).strip();
      if (process.exitValue() != 0 || output.isEmpty()) {
        throw new ApplyException(
            errors.contains("No module named 'boto3'")
                ? needsPython(errors.lines().reduce((a, b) -> b).orElse(errors))
                : resourceType
                    + ": the handler exited with "
                    + process.exitValue()
                    + (errors.isEmpty() ? "" : ": " + errors));
      }
      return JSON.readTree(output.lines().reduce((a, b) -> b).orElseThrow());
    } catch (IOException e) {
      throw new ApplyException(resourceType + ": cannot talk to the handler: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new ApplyException(resourceType + ": interrupted", e);
    } catch (ExecutionException e) {
      throw new ApplyException(resourceType + ": cannot read the handler's output", e);
    }
  }

  private String needsPython(String detail) {
    return resourceType
        + " is applied by the same Python handler the CDK app deploys as a Lambda; it needs "
        + python
        + " with boto3 (Debian: apt install python3-boto3; or pip install boto3), or"
        + " IOTCTL_PYTHON naming such an interpreter ("
        + detail
        + ")";
  }

  private String suffix() {
    return resourceType.equals(ResourceKind.REMOVAL_GUARD.cfnType()) ? "removal-guard" : "bindings";
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The handler's text, read on first use. */
  private static final class Source {
    static final String TEXT = read();

    private static String read() {
      try (InputStream in = CustomResourceHandler.class.getResourceAsStream(HANDLER)) {
        if (in == null) {
          throw new IllegalStateException(HANDLER + " is missing from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
