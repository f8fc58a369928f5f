package dev.iotctl.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyDocumentParseTest {

  private static final String STATEMENT =
      "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"*\"}";

  @Test
  void statementMayBeASingleObjectOrAList() {
    PolicyDocument single =
        PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":" + STATEMENT + "}");
    PolicyDocument list =
        PolicyDocument.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[" + STATEMENT + "," + STATEMENT + "]}");

    assertThat(single.statements()).hasSize(1);
    assertThat(list.statements()).extracting(Statement::index).containsExactly(0, 1);
    assertThat(single.variablesEnabled()).isTrue();
  }

  @Test
  void readsEveryStatementElement() {
    Statement s =
        PolicyDocument.parse(
                """
                {"Version":"2012-10-17","Id":"doc","Statement":[{"Sid":"S1","Effect":"Deny",
                 "NotAction":["iot:Publish","iot:Subscribe"],"NotResource":"arn:aws:iot:r:1:topic/a",
                 "Condition":{"StringEquals":{"iot:ClientId":"c"}}}]}""")
            .statements()
            .get(0);

    assertThat(s.sid()).isEqualTo("S1");
    assertThat(s.effect()).isEqualTo(Effect.DENY);
    assertThat(s.notAction()).isTrue();
    assertThat(s.actions()).containsExactly("iot:publish", "iot:subscribe");
    assertThat(s.notResource()).isTrue();
    assertThat(s.resources()).containsExactly("arn:aws:iot:r:1:topic/a");
  }

  @Test
  void versionIsOptionalAndOldVersionDisablesVariables() {
    assertThat(PolicyDocument.parse("{\"Statement\":" + STATEMENT + "}").variablesEnabled())
        .isFalse();
    assertThat(
            PolicyDocument.parse("{\"Version\":\"2008-10-17\",\"Statement\":" + STATEMENT + "}")
                .variablesEnabled())
        .isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON                  | {"Statement":                                                             | Invalid policy syntax.
          trailing garbage          | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}} x             | Invalid policy syntax.
          duplicate key             | {"Statement":{"Effect":"Allow","Effect":"Deny","Action":"*","Resource":"*"}} | Invalid policy syntax.
          array root                | []                                                                       | Invalid policy syntax.
          missing Statement         | {"Version":"2012-10-17"}                                                 | must contain a Statement
          empty Statement list      | {"Statement":[]}                                                         | non-empty list
          Statement is a string     | {"Statement":"x"}                                                        | non-empty list
          statement not an object   | {"Statement":["x"]}                                                      | must be an object
          missing Effect            | {"Statement":{"Action":"*","Resource":"*"}}                              | missing the Effect
          unknown Effect            | {"Statement":{"Effect":"Permit","Action":"*","Resource":"*"}}            | Invalid Effect
          lower-case Effect         | {"Statement":{"Effect":"allow","Action":"*","Resource":"*"}}             | Invalid Effect
          missing Action            | {"Statement":{"Effect":"Allow","Resource":"*"}}                          | exactly one of Action and NotAction
          Action and NotAction      | {"Statement":{"Effect":"Allow","Action":"*","NotAction":"*","Resource":"*"}} | exactly one of Action and NotAction
          missing Resource          | {"Statement":{"Effect":"Allow","Action":"*"}}                            | exactly one of Resource and NotResource
          empty Action list         | {"Statement":{"Effect":"Allow","Action":[],"Resource":"*"}}              | non-empty list of strings
          numeric Action            | {"Statement":{"Effect":"Allow","Action":[1],"Resource":"*"}}             | only strings
          invalid action            | {"Statement":{"Effect":"Allow","Action":"Publish","Resource":"*"}}       | The following actions are invalid : Publish
          invalid resource          | {"Statement":{"Effect":"Allow","Action":"*","Resource":"topic/a"}}       | The following resources are invalid : topic/a
          principal                 | {"Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}} | should not specify a principal
          unknown statement element | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Foo":1}}      | Unknown element Foo
          unknown document element  | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*"},"Foo":1}      | Unknown element Foo
          unsupported Version       | {"Version":"2020-01-01","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}} | Invalid Version
          non-string Sid            | {"Statement":{"Sid":1,"Effect":"Allow","Action":"*","Resource":"*"}}      | Sid in statement 0
          non-string Id             | {"Id":1,"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}       | Id must be a string
          unknown operator          | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringMatches":{"k":"v"}}}} | Invalid Condition operator: StringMatches
          NullIfExists              | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NullIfExists":{"k":"true"}}}} | Invalid Condition operator: NullIfExists
          Condition not an object   | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":[]}} | Condition in statement 0 must be an object
          operator without keys     | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{}}}} | must map condition keys
          object condition value    | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":{"a":1}}}}} | Invalid value for StringEquals k
          null in value list        | {"Statement":{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"k":[null]}}}} | Invalid value for StringEquals k
          """)
  void rejectsWhatAwsRejects(String name, String json, String reason) {
    assertThatThrownBy(() -> PolicyDocument.parse(json))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("MalformedPolicyException");
              assertThat(e.httpStatus()).isEqualTo(400);
              assertThat(e.getMessage()).startsWith("Policy document is Malformed: ");
              assertThat(e.getMessage()).contains(reason);
            });
  }

  @Test
  void rejectsEmptyDocuments() {
    assertThatThrownBy(() -> PolicyDocument.parse("  "))
        .isInstanceOf(IotException.class)
        .hasMessage("Policy document is Malformed: Policy document is empty");
    assertThatThrownBy(() -> PolicyDocument.parse(null)).isInstanceOf(IotException.class);
  }

  @Test
  void sizeLimitIs2048CharactersExcludingWhitespace() {
    String prefix =
        "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"";
    String suffix = "\"}}";
    String resourceAtLimit =
        "arn:aws:iot:r:1:client/"
            + "a".repeat(PolicyDocument.MAX_CHARACTERS - prefix.length() - suffix.length() - 23);
    String atLimit = prefix + resourceAtLimit + suffix;
    assertThat(atLimit).hasSize(PolicyDocument.MAX_CHARACTERS);

    String padded = atLimit.replace(",", " ,\n\t ");
    assertThat(PolicyDocument.parse(padded).statements()).hasSize(1);
    assertThatThrownBy(() -> PolicyDocument.parse(prefix + resourceAtLimit + "b" + suffix))
        .isInstanceOfSatisfying(
            IotException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo("MalformedPolicyException");
              assertThat(e.getMessage()).contains("2049 characters").contains("maximum is 2048");
            });
  }
}
