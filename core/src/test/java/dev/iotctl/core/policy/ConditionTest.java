package dev.iotctl.core.policy;

import static dev.iotctl.core.policy.Eval.allowed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** IAM condition semantics as AWS IoT applies them. */
class ConditionTest {

  /** A policy allowing everything when {@code operator} holds for key {@code k}. */
  private static String when(String operator, String valuesJson) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Resource\":\"*\",\"Condition\":{\""
        + operator
        + "\":{\"k\":"
        + valuesJson
        + "}}}}";
  }

  private static boolean holds(String operator, String valuesJson, String... actual) {
    PolicyContext.Builder context = PolicyContext.builder().clientId("c");
    if (actual.length > 0) {
      context.value("k", actual);
    }
    return allowed(when(operator, valuesJson), "iot:Connect", "x", context.build());
  }

  @ParameterizedTest(name = "{0} {1} vs {2} -> {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          StringEquals              | ["a","b"]            | b                    | true
          StringEquals              | "a"                  | A                    | false
          StringEquals              | "a*"                 | abc                  | false
          StringNotEquals           | ["a","b"]            | c                    | true
          StringNotEquals           | ["a","b"]            | a                    | false
          StringEqualsIgnoreCase    | "Abc"                | aBC                  | true
          StringNotEqualsIgnoreCase | "Abc"                | aBC                  | false
          StringLike                | "sensor-*"           | sensor-12            | true
          StringLike                | "sensor-?"           | sensor-12            | false
          StringNotLike             | "sensor-*"           | camera-1             | true
          StringNotLike             | "sensor-*"           | sensor-1             | false
          NumericEquals             | 10                   | 10.0                 | true
          NumericNotEquals          | 10                   | 11                   | true
          NumericLessThan           | 10                   | 9                    | true
          NumericLessThan           | 10                   | 10                   | false
          NumericLessThanEquals     | 10                   | 10                   | true
          NumericGreaterThan        | 10                   | 10                   | false
          NumericGreaterThanEquals  | 10                   | 10                   | true
          NumericEquals             | 10                   | ten                  | false
          DateEquals                | "2024-01-01T00:00:00Z" | 1704067200         | true
          DateNotEquals             | "2024-01-01"         | 2024-01-02T00:00:00Z | true
          DateLessThan              | "2024-01-01T00:00:00Z" | 2023-12-31T23:59:59Z | true
          DateLessThanEquals        | "2024-01-01T00:00:00Z" | 2024-01-01T00:00:00Z | true
          DateGreaterThan           | "2024-01-01T00:00:00Z" | 2024-01-01T00:00:00Z | false
          DateGreaterThanEquals     | "2024-01-01T00:00:00+01:00" | 2023-12-31T23:00:00Z | true
          DateEquals                | "2024-01-01"         | not-a-date           | false
          Bool                      | "true"               | TRUE                 | true
          Bool                      | true                 | false                | false
          BinaryEquals              | "QmluYXJ5"           | QmluYXJ5             | true
          IpAddress                 | "10.0.0.0/8"         | 10.1.2.3             | true
          IpAddress                 | "10.0.0.0/8"         | 11.1.2.3             | false
          IpAddress                 | ["192.168.1.7"]      | 192.168.1.7          | true
          IpAddress                 | "2001:db8::/32"      | 2001:db8:0:1::5      | true
          IpAddress                 | "2001:db8::/32"      | 2001:db9::5          | false
          IpAddress                 | "10.0.0.0/8"         | not.an.ip            | false
          NotIpAddress              | "10.0.0.0/8"         | 11.1.2.3             | true
          NotIpAddress              | "10.0.0.0/8"         | 10.9.9.9             | false
          ArnEquals                 | "arn:aws:iot:us-east-1:123456789012:thing/lamp" | arn:aws:iot:us-east-1:123456789012:thing/lamp | true
          ArnLike                   | "arn:aws:iot:*:123456789012:thing/*" | arn:aws:iot:eu-west-1:123456789012:thing/lamp | true
          ArnLike                   | "arn:aws:iot:*:123456789012:thing/*" | arn:aws:iot:eu-west-1:999999999999:thing/lamp | false
          ArnLike                   | "arn:aws:iot:*:*:thing/*" | not-an-arn      | false
          ArnNotEquals              | "arn:aws:iot:us-east-1:1:thing/a" | arn:aws:iot:us-east-1:1:thing/b | true
          ArnNotLike                | "arn:aws:iot:*:*:thing/a*" | arn:aws:iot:r:1:thing/abc | false
          """)
  void operators(String operator, String values, String actual, boolean expected) {
    assertThat(holds(operator, values, actual)).isEqualTo(expected);
  }

  @Test
  void missingKeyIsFalseForPositiveAndTrueForNegatedOperators() {
    assertThat(holds("StringEquals", "\"a\"")).isFalse();
    assertThat(holds("StringNotEquals", "\"a\"")).isTrue();
    assertThat(holds("NotIpAddress", "\"10.0.0.0/8\"")).isTrue();
  }

  @Test
  void ifExistsPassesWhenKeyIsMissingAndTestsWhenPresent() {
    assertThat(holds("StringEqualsIfExists", "\"a\"")).isTrue();
    assertThat(holds("StringEqualsIfExists", "\"a\"", "a")).isTrue();
    assertThat(holds("StringEqualsIfExists", "\"a\"", "b")).isFalse();
    assertThat(holds("NumericLessThanIfExists", "5", "7")).isFalse();
  }

  @Test
  void nullTestsPresence() {
    assertThat(holds("Null", "\"true\"")).isTrue();
    assertThat(holds("Null", "\"true\"", "v")).isFalse();
    assertThat(holds("Null", "\"false\"", "v")).isTrue();
    assertThat(holds("Null", "false")).isFalse();
  }

  @Test
  void setQualifiers() {
    assertThat(holds("ForAnyValue:StringEquals", "[\"a\",\"b\"]", "x", "b")).isTrue();
    assertThat(holds("ForAnyValue:StringEquals", "[\"a\",\"b\"]", "x", "y")).isFalse();
    assertThat(holds("ForAnyValue:StringEquals", "[\"a\"]")).isFalse();
    assertThat(holds("ForAllValues:StringEquals", "[\"a\",\"b\"]", "a", "b")).isTrue();
    assertThat(holds("ForAllValues:StringEquals", "[\"a\",\"b\"]", "a", "c")).isFalse();
    assertThat(holds("ForAllValues:StringEquals", "[\"a\"]")).isTrue();
    assertThat(holds("ForAllValues:StringLike", "[\"a*\"]", "ab", "ac")).isTrue();
    assertThat(holds("ForAnyValue:StringNotEquals", "[\"a\"]", "a", "b")).isTrue();
    assertThat(holds("ForAnyValue:StringNotEquals", "[\"a\"]", "a")).isFalse();
  }

  @Test
  void negatedOperatorWithoutQualifierRequiresThatNoValueMatches() {
    assertThat(holds("StringNotEquals", "[\"a\"]", "b", "c")).isTrue();
    assertThat(holds("StringNotEquals", "[\"a\"]", "b", "a")).isFalse();
    assertThat(holds("StringEquals", "[\"a\"]", "b", "a")).isTrue();
  }

  @Test
  void keysAreCaseInsensitiveAndAllKeysAndOperatorsMustHold() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",
         "Condition":{"StringEquals":{"IOT:CLIENTID":"c","iot:Connection.Thing.ThingName":"c"},
                      "Bool":{"iot:Connection.Thing.IsAttached":"true"}}}}""";

    assertThat(allowed(policy, "iot:Connect", "x", Eval.thing("c"))).isTrue();
    assertThat(allowed(policy, "iot:Connect", "x", Eval.unregistered("c"))).isFalse();
    PolicyContext otherThing =
        PolicyContext.builder().clientId("c").thingName("d").isAttached(true).build();
    assertThat(allowed(policy, "iot:Connect", "x", otherThing)).isFalse();
  }

  @Test
  void conditionValuesSubstituteVariables() {
    String policy =
        """
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*",
         "Condition":{"StringEquals":{"iot:ClientId":"${iot:Connection.Thing.ThingName}"}}}}""";

    assertThat(allowed(policy, "iot:Connect", "x", Eval.thing("lamp"))).isTrue();
    PolicyContext mismatch =
        PolicyContext.builder().clientId("other").thingName("lamp").isAttached(true).build();
    assertThat(allowed(policy, "iot:Connect", "x", mismatch)).isFalse();
  }
}
