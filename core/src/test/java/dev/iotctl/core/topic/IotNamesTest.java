package dev.iotctl.core.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IotNamesTest {
  private static final Map<String, NameRule> RULES =
      Map.ofEntries(
          Map.entry("thing", IotNames.THING_NAME),
          Map.entry("shadow", IotNames.SHADOW_NAME),
          Map.entry("thingType", IotNames.THING_TYPE_NAME),
          Map.entry("thingGroup", IotNames.THING_GROUP_NAME),
          Map.entry("billingGroup", IotNames.BILLING_GROUP_NAME),
          Map.entry("policy", IotNames.POLICY_NAME),
          Map.entry("rule", IotNames.RULE_NAME),
          Map.entry("roleAlias", IotNames.ROLE_ALIAS),
          Map.entry("jobId", IotNames.JOB_ID),
          Map.entry("template", IotNames.PROVISIONING_TEMPLATE_NAME),
          Map.entry("attrName", IotNames.ATTRIBUTE_NAME),
          Map.entry("attrValue", IotNames.ATTRIBUTE_VALUE),
          Map.entry("certId", IotNames.CERTIFICATE_ID));

  @ParameterizedTest(name = "{0} ''{1}'' valid={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "thing | my-thing_01:a | true",
        "thing | '' | false",
        "thing | a b | false",
        "thing | a/b | false",
        "thing | $thing | false",
        "thing | a.b | false",
        "shadow | config | true",
        "shadow | $shadow:x_y-z | true",
        "shadow | a.b | false",
        "shadow | a/b | false",
        "thingType | sensor:v1 | true",
        "thingType | sensor v1 | false",
        "thingGroup | floor-1 | true",
        "thingGroup | floor#1 | false",
        "billingGroup | bg_1 | true",
        "billingGroup | bg.1 | false",
        "policy | Pol+icy=a,b.c@d-e_f | true",
        "policy | policy/1 | false",
        "policy | policy:1 | false",
        "rule | my_rule_1 | true",
        "rule | my-rule | false",
        "rule | my rule | false",
        "roleAlias | alias=a,b@c-d_e | true",
        "roleAlias | alias.a | false",
        "jobId | job-1_a | true",
        "jobId | job:1 | false",
        "template | tpl_1-a | true",
        "template | tpl.1 | false",
        "attrName | a_b.c,d@e/f:g#h-i | true",
        "attrName | a b | false",
        "attrValue | '' | true",
        "attrValue | v=[1]/x | true",
        "attrValue | v w | false",
        "certId | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789ABCDEF | true",
        "certId | 0123456789abcdef | false",
        "certId | 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg | false",
      })
  void patterns(String rule, String value, boolean valid) {
    NameRule nameRule = RULES.get(rule);

    assertThat(nameRule.isValid(value)).isEqualTo(valid);
    if (valid) {
      assertThat(nameRule.validate(value)).isEqualTo(value);
    } else {
      assertThatThrownBy(() -> nameRule.validate(value))
          .isInstanceOfSatisfying(
              IotException.class,
              e -> {
                assertThat(e.httpStatus()).isEqualTo(400);
                assertThat(e.errorCode()).isEqualTo("InvalidRequestException");
                assertThat(e.getMessage())
                    .startsWith("1 validation error detected: Value '" + value + "' at '");
              });
    }
  }

  @ParameterizedTest(name = "{0} max {1}")
  @CsvSource({
    "thing, 128",
    "shadow, 64",
    "thingType, 128",
    "thingGroup, 128",
    "billingGroup, 128",
    "policy, 128",
    "rule, 128",
    "roleAlias, 128",
    "jobId, 64",
    "template, 36",
    "attrName, 128",
    "attrValue, 800",
  })
  void maximumLengths(String rule, int max) {
    NameRule nameRule = RULES.get(rule);

    assertThat(nameRule.isValid("a".repeat(max))).isTrue();
    assertThat(nameRule.isValid("a".repeat(max + 1))).isFalse();
    assertThatThrownBy(() -> nameRule.validate("a".repeat(max + 1)))
        .hasMessageEndingWith("Member must have length less than or equal to " + max);
  }

  @Test
  void exactAwsValidationText() {
    assertThatThrownBy(() -> IotNames.validateThingName("a b"))
        .hasMessage(
            "1 validation error detected: Value 'a b' at 'thingName' failed to satisfy constraint:"
                + " Member must satisfy regular expression pattern: [a-zA-Z0-9:_-]+");
    assertThatThrownBy(() -> IotNames.validatePolicyName(""))
        .hasMessage(
            "1 validation error detected: Value '' at 'policyName' failed to satisfy constraint:"
                + " Member must have length greater than or equal to 1");
    assertThatThrownBy(() -> IotNames.validateRuleName(null))
        .hasMessageContaining("Member must not be null");
  }

  @Test
  void convenienceMethods() {
    assertThat(IotNames.isValidThingName("t")).isTrue();
    assertThat(IotNames.validateShadowName("s")).isEqualTo("s");
    assertThat(IotNames.isValidShadowName("s/")).isFalse();
    assertThat(IotNames.validateThingTypeName("tt")).isEqualTo("tt");
    assertThat(IotNames.isValidThingTypeName("t t")).isFalse();
    assertThat(IotNames.validateThingGroupName("g")).isEqualTo("g");
    assertThat(IotNames.isValidThingGroupName("g g")).isFalse();
    assertThat(IotNames.isValidPolicyName("p")).isTrue();
    assertThat(IotNames.isValidRuleName("r-1")).isFalse();
  }

  @Test
  void clientIds() {
    assertThat(IotNames.isValidClientId("client-1")).isTrue();
    assertThat(IotNames.isValidClientId("c".repeat(128))).isTrue();
    assertThat(IotNames.isValidClientId("c".repeat(129))).isFalse();
    assertThat(IotNames.isValidClientId("é".repeat(65))).isFalse(); // 130 bytes
    assertThat(IotNames.isValidClientId("")).isFalse();
    assertThat(IotNames.isValidClientId(null)).isFalse();
    assertThat(IotNames.isValidClientId("a\u0000b")).isFalse();
    assertThat(IotNames.validateClientId("any chars / # + ok")).isEqualTo("any chars / # + ok");
    assertThatThrownBy(() -> IotNames.validateClientId(""))
        .isInstanceOfSatisfying(IotException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
  }
}
