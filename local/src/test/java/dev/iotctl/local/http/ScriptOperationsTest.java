package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.PrincipalThingObject;
import software.amazon.awssdk.services.iot.model.ThingPrincipalObject;
import software.amazon.awssdk.services.iot.model.ThingPrincipalType;

/**
 * Operations real scripts use, through real clients: principal policies, UpdateThingGroupsForThing
 * and tags through boto3; the V2 principal lists through the AWS SDK for Java v2 (Debian's boto3
 * predates them).
 */
@Tag("peers")
class ScriptOperationsTest {
  @TempDir Path dir;
  private StandIn standIn;

  @BeforeEach
  void start() {
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
  }

  @AfterEach
  void stop() {
    standIn.close();
  }

  @Test
  void principalPoliciesGroupUpdatesAndTagsThroughBoto3() {
    PeerScripts.assumeBoto3();
    PeerScripts.Result result =
        PeerScripts.python(
            dir.resolve("home"), "fidelity/script_operations.py", standIn.url().toString());
    assertThat(result.output()).as(result.output()).contains("OPERATIONS OK");
  }

  @Test
  void principalListsV2CarryTheAttachmentType() {
    try (IotClient iot = AwsClients.iot(standIn.url())) {
      String exclusive = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
      String shared = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateArn();
      iot.createThing(b -> b.thingName("gw"));
      iot.createThing(b -> b.thingName("other"));
      iot.attachThingPrincipal(
          b ->
              b.thingName("gw")
                  .principal(exclusive)
                  .thingPrincipalType(ThingPrincipalType.EXCLUSIVE_THING));
      iot.attachThingPrincipal(b -> b.thingName("gw").principal(shared));
      iot.attachThingPrincipal(b -> b.thingName("other").principal(shared));

      assertThat(iot.listThingPrincipalsV2(b -> b.thingName("gw")).thingPrincipalObjects())
          .extracting(ThingPrincipalObject::principal, ThingPrincipalObject::thingPrincipalType)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(exclusive, ThingPrincipalType.EXCLUSIVE_THING),
              org.assertj.core.groups.Tuple.tuple(shared, ThingPrincipalType.NON_EXCLUSIVE_THING));
      assertThat(
              iot.listThingPrincipalsV2(
                      b -> b.thingName("gw").thingPrincipalType(ThingPrincipalType.EXCLUSIVE_THING))
                  .thingPrincipalObjects())
          .extracting(ThingPrincipalObject::principal)
          .containsExactly(exclusive);
      assertThat(
              iot.listPrincipalThingsV2Paginator(b -> b.principal(shared).maxResults(1)).stream()
                  .flatMap(page -> page.principalThingObjects().stream())
                  .map(PrincipalThingObject::thingName))
          .containsExactly("gw", "other");
    }
  }
}
