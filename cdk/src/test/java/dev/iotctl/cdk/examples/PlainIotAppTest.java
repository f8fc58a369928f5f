package dev.iotctl.cdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestFleets;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/** The README's plain CDK app synthesizes, one stack ordered by its own references. */
class PlainIotAppTest {
  private static Template template;

  @BeforeAll
  static void synth() throws Exception {
    template =
        Template.fromStack(
            new PlainIotApp(
                new App(),
                "Iot",
                Files.readString(TestFleets.REPO.resolve("policies/sensor.json")),
                TestFleets.REPO.resolve("examples/csr/sensor-001.csr")));
  }

  @Test
  void holdsTheIotResourcesAndOneBindingsFunction() {
    assertThat(template.findResources("AWS::IoT::Thing")).hasSize(1);
    assertThat(template.findResources("AWS::IoT::TopicRule")).hasSize(1);
    assertThat(template.findResources("AWS::Lambda::Function")).hasSize(1);
    assertThat(template.findResources("Custom::IotctlThingBindings")).hasSize(1);
  }
}
