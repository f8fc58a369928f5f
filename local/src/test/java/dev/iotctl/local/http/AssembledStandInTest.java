package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ThrottlingException;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

/**
 * The HTTP API inside the assembled stand-in: shadows stored in the SQLite registry, quota
 * emulation switched on from the core's config.
 */
class AssembledStandInTest {
  @TempDir Path dir;

  @Test
  void awsQuotasFromTheCoreConfigThrottleTheControlPlane() {
    try (StandIn standIn = new StandIn(dir, HttpApiConfig.defaults(), true);
        IotClient iot = AwsClients.iot(standIn.url())) {
      int throttled = 0;
      for (int i = 0; i < 30; i++) { // ListThings: 10 per second on AWS
        try {
          iot.listThings(b -> b.maxResults(1));
        } catch (ThrottlingException e) {
          assertThat(e.statusCode()).isEqualTo(400);
          throttled++;
        }
      }
      assertThat(throttled).isPositive();
    }
  }

  @Test
  void awsQuotasThrottleShadowRequestsPerThingWith429() {
    try (StandIn standIn = new StandIn(dir, HttpApiConfig.defaults(), true);
        IotDataPlaneClient data = AwsClients.data(standIn.url())) {
      int throttled = 0;
      for (int i = 0; i < 60; i++) { // 20 requests per second per thing on AWS
        try {
          data.updateThingShadow(
              b ->
                  b.thingName("busy")
                      .payload(SdkBytes.fromUtf8String("{\"state\":{\"reported\":{\"n\":1}}}")));
        } catch (software.amazon.awssdk.services.iotdataplane.model.ThrottlingException e) {
          assertThat(e.statusCode()).isEqualTo(429);
          throttled++;
        }
      }
      assertThat(throttled).isPositive();
    }
  }

  @Test
  void namedShadowsSurviveARestartAndDeletedOnesAreNotListed() {
    try (StandIn standIn = new StandIn(dir, HttpApiConfig.defaults());
        IotDataPlaneClient data = AwsClients.data(standIn.url())) {
      for (String name : new String[] {"cfg", "fw", "net"}) {
        data.updateThingShadow(
            b ->
                b.thingName("gw")
                    .shadowName(name)
                    .payload(SdkBytes.fromUtf8String("{\"state\":{\"reported\":{\"ok\":true}}}")));
      }
      data.deleteThingShadow(b -> b.thingName("gw").shadowName("fw"));
      assertThat(data.listNamedShadowsForThing(b -> b.thingName("gw")).results())
          .containsExactly("cfg", "net");
    }
    try (StandIn restarted = new StandIn(dir, HttpApiConfig.defaults());
        IotDataPlaneClient data = AwsClients.data(restarted.url())) {
      assertThat(
              data.getThingShadow(b -> b.thingName("gw").shadowName("cfg"))
                  .payload()
                  .asUtf8String())
          .contains("\"ok\":true");
      assertThatThrownBy(() -> data.getThingShadow(b -> b.thingName("gw").shadowName("fw")))
          .isInstanceOf(ResourceNotFoundException.class);
      // A shadow recreated after a delete continues its version (AWS keeps it for 48 hours).
      var accepted =
          data.updateThingShadow(
              b ->
                  b.thingName("gw")
                      .shadowName("fw")
                      .payload(SdkBytes.fromUtf8String("{\"state\":{\"reported\":{\"v\":2}}}")));
      assertThat(accepted.payload().asUtf8String()).contains("\"version\":2");
    }
  }
}
