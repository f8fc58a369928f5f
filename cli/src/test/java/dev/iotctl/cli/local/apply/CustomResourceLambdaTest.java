package dev.iotctl.cli.local.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.AwsTarget;
import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.aws.Retries;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.local.LocalIotCore;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The custom-resource handler as AWS runs it: {@code handler(event, context)} in Python with real
 * boto3 (Debian's python3-boto3 in CI) against the stand-in's IoT API, answering on the event's
 * ResponseURL (a loopback server standing in for CloudFormation's presigned URL).
 */
@Tag("peers")
class CustomResourceLambdaTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static LocalIotCore standIn;
  private static AwsClients clients;
  private static IotClient iot;
  private static HttpServer cloudFormation;
  private static final BlockingQueue<JsonNode> responses = new LinkedBlockingQueue<>();
  private static Process lambda;
  private static java.io.BufferedReader lambdaOutput;

  @BeforeAll
  static void start() throws Exception {
    PythonPeer.assumeBoto3();
    standIn = StandIn.start(dir.resolve("data"));
    clients =
        new AwsClients(
            AwsTarget.local(LocalTarget.read(dir.resolve("data"))),
            CliEnvironment.system(),
            Retries.INTERACTIVE,
            ApacheHttpClient::create);
    iot = clients.iot();
    cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    cloudFormation.createContext(
        "/",
        exchange -> {
          try (InputStream body = exchange.getRequestBody()) {
            JsonNode response = JSON.readTree(body);
            ((ObjectNode) response).put("method", exchange.getRequestMethod());
            responses.add(response);
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    cloudFormation.start();
    Path handler = resource(CustomResourceHandler.HANDLER, "custom_resources.py");
    Path driver = resource("/apply/lambda_driver.py", "lambda_driver.py");
    // One Python process for the class, as a warm Lambda: boto3 is imported once.
    lambda =
        new ProcessBuilder(PythonPeer.interpreter(), driver.toString(), handler.toString())
            .redirectErrorStream(true)
            .start();
    lambdaOutput =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(lambda.getInputStream(), StandardCharsets.UTF_8));
    iot.createThingType(r -> r.thingTypeName("sensor"));
    iot.createThingGroup(r -> r.thingGroupName("plant"));
    for (String line : new String[] {"line-1", "line-2"}) {
      iot.createThingGroup(r -> r.thingGroupName(line).parentGroupName("plant"));
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (lambda != null) {
      lambda.getOutputStream().close();
      if (!lambda.waitFor(30, TimeUnit.SECONDS)) {
        lambda.destroyForcibly();
      }
    }
    if (cloudFormation != null) {
      cloudFormation.stop(0);
    }
    if (clients != null) {
      clients.close();
    }
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void createSetsTheTypeThenAllTenAttributesAndTheGroup() throws Exception {
    iot.createThing(r -> r.thingName("typed"));
    JsonNode response =
        invoke(
            event(
                "Create", "Custom::IotctlThingBindings", bindings(typed("typed", "line-1")), null));

    assertThat(response.get("Status").asText()).as(response.toString()).isEqualTo("SUCCESS");
    assertThat(response.get("method").asText()).isEqualTo("PUT");
    assertThat(response.get("PhysicalResourceId").asText()).isEqualTo("Bindings-req-0001");
    var thing = iot.describeThing(r -> r.thingName("typed"));
    assertThat(thing.thingTypeName()).isEqualTo("sensor");
    assertThat(thing.attributes()).hasSize(10);
    assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("line-1")).things())
        .contains("typed");
  }

  @Test
  void aThingThatLosesItsTypeAndGroupsHasThemRemoved() throws Exception {
    iot.createThing(r -> r.thingName("loser"));
    String before = bindings(typed("loser", "line-1"));
    assertThat(
            invoke(event("Create", "Custom::IotctlThingBindings", before, null))
                .get("Status")
                .asText())
        .isEqualTo("SUCCESS");

    JsonNode response = invoke(event("Update", "Custom::IotctlThingBindings", bindings(), before));

    assertThat(response.get("Status").asText()).as(response.toString()).isEqualTo("SUCCESS");
    var thing = iot.describeThing(r -> r.thingName("loser"));
    assertThat(thing.thingTypeName()).isNull();
    assertThat(thing.attributes()).isEmpty();
    assertThat(iot.listThingGroupsForThing(r -> r.thingName("loser")).thingGroups()).isEmpty();
  }

  @Test
  void movingBetweenSiblingGroupsLeavesTheOldGroupFirst() throws Exception {
    // AWS IoT refuses a thing in two groups of one hierarchy, even for a moment.
    iot.createThing(r -> r.thingName("mover"));
    String before = bindings(member("mover", "line-1"));
    invoke(event("Create", "Custom::IotctlThingBindings", before, null));

    JsonNode response =
        invoke(
            event(
                "Update",
                "Custom::IotctlThingBindings",
                bindings(member("mover", "line-2")),
                before));

    assertThat(response.get("Status").asText()).as(response.toString()).isEqualTo("SUCCESS");
    assertThat(iot.listThingGroupsForThing(r -> r.thingName("mover")).thingGroups())
        .extracting(g -> g.groupName())
        .containsExactly("line-2");
  }

  @Test
  void aDeleteToleratesThingsThatAreAlreadyGone() throws Exception {
    JsonNode response =
        invoke(
            event(
                "Delete",
                "Custom::IotctlThingBindings",
                bindings(typed("never-created", "line-1")),
                null));

    assertThat(response.get("Status").asText()).as(response.toString()).isEqualTo("SUCCESS");
  }

  @Test
  void aDeleteThatHitsAnythingButNotFoundReportsWhatAndWhere() throws Exception {
    // Nothing listens on the endpoint: the IoT API cannot be reached at all.
    URI closed;
    try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    JsonNode response =
        invoke(
            event(
                "Delete", "Custom::IotctlThingBindings", bindings(member("stuck", "line-1")), null),
            300_000,
            closed);

    assertThat(response.get("Status").asText()).isEqualTo("FAILED");
    assertThat(response.get("Reason").asText())
        .startsWith(
            "Delete of Custom::IotctlThingBindings failed: thing 'stuck': remove from group line-1:")
        .contains("Could not connect to the endpoint URL")
        .endsWith("(nothing was deleted after this step; fix the cause and delete again)");
  }

  @Test
  void aCallPastTheDeadlineFailsClearlyInsteadOfRunningOut() throws Exception {
    iot.createThing(r -> r.thingName("late"));
    // The context has exactly the handler's reserve left, so no time for any call.
    JsonNode response =
        invoke(
            event("Create", "Custom::IotctlThingBindings", bindings(typed("late", "line-1")), null),
            60_000);

    assertThat(response.get("Status").asText()).isEqualTo("FAILED");
    assertThat(response.get("Reason").asText())
        .contains("thing 'late': out of time before set thing type sensor");
    assertThat(iot.describeThing(r -> r.thingName("late")).thingTypeName()).isNull();
  }

  @Test
  void theGuardDetachesADroppedPolicyAndClearsADroppedType() throws Exception {
    iot.createPolicy(
        r ->
            r.policyName("dropped")
                .policyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"iot:Connect\",\"Resource\":\"*\"}]}"));
    String cert = iot.createKeysAndCertificate(r -> r.setAsActive(true)).certificateArn();
    iot.attachPolicy(r -> r.policyName("dropped").target(cert));
    iot.createThingType(r -> r.thingTypeName("old-type"));
    iot.createThing(
        r ->
            r.thingName("wide")
                .thingTypeName("old-type")
                .attributePayload(
                    AttributePayload.builder()
                        .attributes(Map.of("a", "1", "b", "2", "c", "3", "d", "4"))
                        .build()));
    String before = "{\"Policies\": [\"dropped\", \"kept\"], \"ThingTypes\": [\"old-type\"]}";
    String after = "{\"Policies\": [\"kept\"], \"ThingTypes\": []}";

    JsonNode response = invoke(event("Update", "Custom::IotctlRemovalGuard", after, before));

    assertThat(response.get("Status").asText()).as(response.toString()).isEqualTo("SUCCESS");
    assertThat(iot.listTargetsForPolicy(r -> r.policyName("dropped")).targets()).isEmpty();
    var wide = iot.describeThing(r -> r.thingName("wide"));
    assertThat(wide.thingTypeName()).isNull();
    assertThat(wide.attributes()).isEmpty();
    iot.deletePolicy(r -> r.policyName("dropped"));
    assertThatThrownBy(() -> iot.getPolicy(r -> r.policyName("dropped")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static String typed(String thing, String group) {
    StringBuilder attributes = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      attributes.append(i == 1 ? "" : ", ").append("\"a").append(i).append("\": \"v\"");
    }
    return "{\"ThingName\": \""
        + thing
        + "\", \"ThingType\": \"sensor\", \"Attributes\": {"
        + attributes
        + "}, \"ThingGroups\": [\""
        + group
        + "\"]}";
  }

  private static String member(String thing, String group) {
    return "{\"ThingName\": \"" + thing + "\", \"ThingGroups\": [\"" + group + "\"]}";
  }

  private static String bindings(String... entries) {
    return "{\"Things\": [" + String.join(", ", entries) + "]}";
  }

  private static String event(String type, String resourceType, String properties, String old)
      throws Exception {
    ObjectNode event = JSON.createObjectNode();
    event.put("RequestType", type);
    event.put("ResourceType", resourceType);
    event.put("ResponseURL", "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/r");
    event.put("StackId", "arn:aws:cloudformation:us-east-1:000000000000:stack/test/1");
    event.put("RequestId", "req-0001-aaaa");
    event.put("LogicalResourceId", "Bindings");
    event.set("ResourceProperties", JSON.readTree(properties));
    if (old != null) {
      event.set("OldResourceProperties", JSON.readTree(old));
    }
    return event.toString();
  }

  private static JsonNode invoke(String event) throws Exception {
    return invoke(event, 300_000);
  }

  private static JsonNode invoke(String event, int millisLeft) throws Exception {
    return invoke(
        event, millisLeft, iot.serviceClientConfiguration().endpointOverride().orElseThrow());
  }

  /** Runs the handler with {@code millisLeft} on the fake context; returns what it PUT. */
  private static JsonNode invoke(String event, int millisLeft, URI endpoint) throws Exception {
    responses.clear();
    ObjectNode job = JSON.createObjectNode();
    job.set("Event", JSON.readTree(event));
    job.put("Endpoint", endpoint.toString());
    job.put("MillisLeft", millisLeft);
    var in = lambda.getOutputStream();
    in.write((job + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
    StringBuilder printed = new StringBuilder();
    var reader =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                for (String line = lambdaOutput.readLine();
                    line != null;
                    line = lambdaOutput.readLine()) {
                  if (line.equals("DONE")) {
                    return true;
                  }
                  printed.append(line).append('\n');
                }
                return false;
              } catch (java.io.IOException e) {
                return false;
              }
            });
    assertThat(reader.get(120, TimeUnit.SECONDS)).as("the handler stopped: " + printed).isTrue();
    JsonNode response = responses.poll(10, TimeUnit.SECONDS);
    assertThat(response).as("no response PUT; handler printed: " + printed).isNotNull();
    return response;
  }

  private static Path resource(String path, String name) throws Exception {
    try (InputStream in = CustomResourceLambdaTest.class.getResourceAsStream(path)) {
      Path file = dir.resolve(name);
      Files.write(file, in.readAllBytes());
      return file;
    }
  }
}
