package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.Table;

class DynamoDbV2PutItemActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    Table table =
        Table.Builder.create(stack, "Table")
            .partitionKey(Attribute.builder().name("device").type(AttributeType.STRING).build())
            .build();
    ActionTests.rule(stack, "owned", new DynamoDbV2PutItemAction(table));
    ActionTests.rule(
        stack, "named", DynamoDbV2PutItemAction.builderForTableName("t-${topic(2)}").build());
    template = Template.fromStack(stack);
  }

  @Test
  void putsItemsInTheTable() {
    ActionTests.hasAction(
        template,
        "owned",
        "DynamoDBv2",
        Match.objectLike(
            Map.of(
                "PutItem", Map.of("TableName", Map.of("Ref", Match.stringLikeRegexp("Table.*"))))));
  }

  @Test
  void mayPutItemsInThatTableOnly() {
    assertThat(ActionTests.statementsOf(template, "owned"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo("dynamodb:PutItem");
              assertThat(s.get("Resource").toString()).contains("Table");
            });
  }

  @Test
  void aNamedTableWithATemplateIsWidenedInIamOnly() {
    ActionTests.hasAction(
        template,
        "named",
        "DynamoDBv2",
        Match.objectLike(Map.of("PutItem", Map.of("TableName", "t-${topic(2)}"))));
    assertThat(ActionTests.statementsOf(template, "named").get(0).get("Resource").toString())
        .contains(":table/t-*");
  }
}
