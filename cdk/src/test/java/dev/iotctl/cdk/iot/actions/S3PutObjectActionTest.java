package dev.iotctl.cdk.iot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iotctl.cdk.TestStacks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;

class S3PutObjectActionTest {
  private static Template template;

  @BeforeAll
  static void synth() {
    Stack stack = TestStacks.stack();
    Bucket bucket = Bucket.Builder.create(stack, "Bucket").encryption(BucketEncryption.KMS).build();
    ActionTests.rule(
        stack,
        "owned",
        S3PutObjectAction.builder(bucket).key("raw/${topic(2)}/${timestamp()}").build());
    ActionTests.rule(
        stack,
        "named",
        S3PutObjectAction.builderForBucketName("archive").cannedAcl("private").build());
    template = Template.fromStack(stack);
  }

  @Test
  void writesTheKeyToTheBucket() {
    ActionTests.hasAction(
        template,
        "owned",
        "S3",
        Match.objectLike(
            Map.of(
                "BucketName",
                Map.of("Ref", Match.stringLikeRegexp("Bucket.*")),
                "Key",
                "raw/${topic(2)}/${timestamp()}")));
  }

  @Test
  void mayPutOnlyObjectsTheKeyCanNameAndEncryptThem() {
    List<Map<?, ?>> statements = ActionTests.statementsOf(template, "owned");
    assertThat(statements)
        .extracting(s -> (Object) s.get("Action"))
        .containsExactlyInAnyOrder("s3:PutObject", "kms:GenerateDataKey");
    assertThat(statements.toString()).contains("/raw/*/*");
  }

  @Test
  void aCannedAclAlsoNeedsPutObjectAcl() {
    assertThat(ActionTests.statementsOf(template, "named"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.get("Action")).isEqualTo(List.of("s3:PutObject", "s3:PutObjectAcl"));
              assertThat(s.get("Resource").toString()).contains(":s3:::archive/*/*");
            });
  }
}
