package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class HttpsActionTest {
  private static Template template;
  private static HttpsAction signed;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "plain",
        HttpsAction.builder("https://example.com/ingest")
            .confirmationUrl("https://example.com/")
            .header("x-device", "${topic(2)}")
            .build());
    signed =
        HttpsAction.builder("https://api.example.com/").sigV4("execute-api", "eu-west-1").build();
    ActionTests.rule(stack, "signed", signed);
    template = Template.fromStack(stack);
  }

  @Test
  void postsWithItsHeaders() {
    ActionTests.hasAction(
        template,
        "plain",
        "Http",
        Map.of(
            "Url",
            "https://example.com/ingest",
            "ConfirmationUrl",
            "https://example.com/",
            "Headers",
            List.of(Map.of("Key", "x-device", "Value", "${topic(2)}"))));
  }

  @Test
  void needsNoRoleUnlessSigned() {
    template.resourceCountIs("AWS::IAM::Role", 1);
    assertThat(signed.getRole()).isNotNull();
  }

  @Test
  void signsWithTheRulesRole() {
    ActionTests.hasAction(
        template,
        "signed",
        "Http",
        Match.objectLike(
            Map.of(
                "Auth",
                Map.of(
                    "Sigv4",
                    Match.objectLike(
                        Map.of("ServiceName", "execute-api", "SigningRegion", "eu-west-1"))))));
  }

  @Test
  void plainHttpIsRefused() {
    assertThatThrownBy(() -> new HttpsAction("http://example.com"))
        .hasMessage("http url 'http://example.com' must use https");
  }
}
