package dev.iotctl.local.registry;

import static dev.iotctl.local.registry.Fixtures.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShadowAndRuleTest {
  @TempDir Path dir;

  @Test
  void shadowsAreStoredPerThingAndNameAndSurviveReopening() {
    try (Registry registry = Registry.open(dir)) {
      ShadowStore shadows = registry.shadows();
      shadows.saveShadow("t", ShadowStore.CLASSIC, "{\"version\":1}");
      shadows.saveShadow("t", "config", "{\"version\":3}");
      shadows.saveShadow("t", "config", "{\"version\":4}");
      shadows.saveShadow("other", "x", "{}");
    }
    try (Registry registry = Registry.open(dir)) {
      ShadowStore shadows = registry.shadows();
      assertThat(shadows.loadShadow("t", "")).contains("{\"version\":1}");
      assertThat(shadows.loadShadow("t", "config")).contains("{\"version\":4}");
      assertThat(shadows.listShadowNames("t")).containsExactly("config");
      assertThat(shadows.deleteShadow("t", "config")).isTrue();
      assertThat(shadows.deleteShadow("t", "config")).isFalse();
      assertThat(shadows.loadShadow("t", "config")).isEmpty();
    }
  }

  @Test
  void updateShadowIsAtomicAndRollsBackOnFailure() {
    try (Registry registry = Registry.open(dir)) {
      ShadowStore shadows = registry.shadows();
      assertThat(shadows.updateShadow("t", "", current -> Optional.of(current.orElse("{}") + " ")))
          .contains("{} ");
      assertThatThrownBy(
              () ->
                  shadows.updateShadow(
                      "t",
                      "",
                      current -> {
                        throw new IllegalStateException("version conflict");
                      }))
          .hasMessage("version conflict");
      assertThat(shadows.loadShadow("t", "")).contains("{} ");
      shadows.updateShadow("t", "", current -> Optional.empty());
      assertThat(shadows.loadShadow("t", "")).isEmpty();
    }
  }

  @Test
  void topicRulesKeepPayloadAndEnabledState() {
    try (Registry registry = Registry.open(dir)) {
      TopicRuleStore rules = registry.topicRules();
      String payload = "{\"sql\":\"SELECT * FROM 'a/b'\",\"actions\":[],\"ruleDisabled\":true}";
      TopicRule rule = rules.create("my_rule", payload);

      assertThat(rule.enabled()).isFalse();
      assertThat(rule.payload()).isEqualTo(payload);
      assertThat(rule.arn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:rule/my_rule");
      assertAwsError(() -> rules.create("my_rule", payload), "ResourceAlreadyExistsException", 409);
      assertAwsError(() -> rules.create("bad-name", payload), "InvalidRequestException", 400);
      assertAwsError(() -> rules.create("r2", "not json"), "InvalidRequestException", 400);

      rules.setEnabled("my_rule", true);
      rules.create("other", "{\"sql\":\"SELECT 1 FROM 'x'\",\"actions\":[]}");
      assertThat(rules.list(Optional.of(false), null, null).items()).hasSize(2);
      rules.replace("other", "{\"sql\":\"SELECT 2 FROM 'x'\",\"ruleDisabled\":true}");
      assertThat(rules.list(Optional.of(true), null, null).items())
          .extracting(TopicRule::name)
          .containsExactly("other");
      assertThat(rules.all()).hasSize(2);

      rules.delete("my_rule");
      assertAwsError(() -> rules.get("my_rule"), "ResourceNotFoundException", 404);
      assertAwsError(() -> rules.delete("my_rule"), "ResourceNotFoundException", 404);
    }
  }
}
