package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.opensearchservice.Domain;

class OpenSearchActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    ActionTests.rule(
        stack,
        "r",
        OpenSearchAction.builder(
                Domain.fromDomainEndpoint(
                    stack, "Domain", "https://search-fleet-abc.eu-west-1.es.amazonaws.com"),
                "${newuuid()}",
                "readings",
                "reading")
            .build());
    template = Template.fromStack(stack);
  }

  @Test
  void writesTheDocument() {
    ActionTests.hasAction(
        template,
        "r",
        "OpenSearch",
        Match.objectLike(
            Map.of(
                "Endpoint", "https://search-fleet-abc.eu-west-1.es.amazonaws.com",
                "Id", "${newuuid()}",
                "Index", "readings",
                "Type", "reading")));
  }

  @Test
  void mayOnlyPutToThatDomain() {
    assertThat(ActionTests.statementsOf(template, "r"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("es:ESHttpPut");
              assertThat(s.get("Resource").toString())
                  .contains(":domain/search-fleet]")
                  .contains(":domain/search-fleet/*]");
            });
  }
}
