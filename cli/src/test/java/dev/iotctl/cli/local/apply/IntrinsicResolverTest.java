package dev.iotctl.cli.local.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntrinsicResolverTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final PseudoParameters PSEUDO =
      PseudoParameters.of("eu-central-1", "123456789012");

  private static final Template TEMPLATE =
      TemplateReader.parse(
          "demo-core",
          json(
              """
              {"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
               "Conditions": {"IsDev": {"Fn::Equals": [{"Ref": "Env"}, "dev"]},
                              "IsProd": {"Fn::Not": [{"Condition": "IsDev"}]}},
               "Resources": {
                 "Cert": {"Type": "AWS::IoT::Certificate", "Properties": {}},
                 "Thing": {"Type": "AWS::IoT::Thing", "Properties": {"ThingName": "t1"}}}}
              """));

  private static final IntrinsicResolver.Lookup LOOKUP =
      new IntrinsicResolver.Lookup() {
        @Override
        public String ref(String logicalId) {
          return Map.of("Cert", "c0ffee", "Thing", "t1").get(logicalId);
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
          return "arn:aws:iot:eu-central-1:123456789012:"
              + logicalId.toLowerCase()
              + "/"
              + attribute;
        }

        @Override
        public String importValue(String exportName) {
          if (!exportName.equals("demo-core:PolicyName")) {
            throw new ApplyException("no export " + exportName);
          }
          return "sensor";
        }
      };

  private final IntrinsicResolver resolver = new IntrinsicResolver(TEMPLATE, PSEUDO, LOOKUP);

  @Test
  void refResolvesResourcesParametersAndPseudoParameters() {
    assertThat(resolve("{\"Ref\": \"Cert\"}")).isEqualTo("\"c0ffee\"");
    assertThat(resolve("{\"Ref\": \"Env\"}")).isEqualTo("\"dev\"");
    assertThat(
            resolve(
                "[{\"Ref\": \"AWS::Region\"}, {\"Ref\": \"AWS::AccountId\"}, {\"Ref\":"
                    + " \"AWS::Partition\"}, {\"Ref\": \"AWS::StackName\"}, {\"Ref\":"
                    + " \"AWS::URLSuffix\"}]"))
        .isEqualTo("[\"eu-central-1\",\"123456789012\",\"aws\",\"demo-core\",\"amazonaws.com\"]");
  }

  @Test
  void getAttAcceptsBothForms() {
    assertThat(resolve("{\"Fn::GetAtt\": [\"Cert\", \"Arn\"]}"))
        .isEqualTo("\"arn:aws:iot:eu-central-1:123456789012:cert/Arn\"");
    assertThat(resolve("{\"Fn::GetAtt\": \"Thing.Id\"}"))
        .isEqualTo("\"arn:aws:iot:eu-central-1:123456789012:thing/Id\"");
  }

  @Test
  void joinsAsCdkBuildsArns() {
    assertThat(
            resolve(
                """
                {"Fn::Join": ["", ["arn:", {"Ref": "AWS::Partition"}, ":iot:", {"Ref": "AWS::Region"},
                  ":", {"Ref": "AWS::AccountId"}, ":thing/*"]]}
                """))
        .isEqualTo("\"arn:aws:iot:eu-central-1:123456789012:thing/*\"");
    assertThat(resolve("{\"Fn::Join\": [\",\", []]}")).isEqualTo("\"\"");
  }

  @Test
  void subReplacesPseudoParametersAndKeepsEscapedPolicyVariables() {
    assertThat(
            resolve(
                "{\"Fn::Sub\": \"arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:"
                    + "client/${!iot:Connection.Thing.ThingName}\"}"))
        .isEqualTo(
            "\"arn:aws:iot:eu-central-1:123456789012:client/${iot:Connection.Thing.ThingName}\"");
  }

  @Test
  void subWithVariableMapResolvesItsValuesAndResourceAttributes() {
    assertThat(
            resolve(
                """
                {"Fn::Sub": ["${Name}/${Cert}/${Cert.Arn}/${AWS::StackName}",
                             {"Name": {"Fn::Join": ["-", ["a", {"Ref": "Thing"}]]}}]}
                """))
        .isEqualTo("\"a-t1/c0ffee/arn:aws:iot:eu-central-1:123456789012:cert/Arn/demo-core\"");
  }

  @Test
  void selectAndSplit() {
    assertThat(resolve("{\"Fn::Select\": [1, {\"Fn::Split\": [\"/\", \"a/b/c\"]}]}"))
        .isEqualTo("\"b\"");
    assertThat(resolve("{\"Fn::Split\": [\":\", \"x\"]}")).isEqualTo("[\"x\"]");
    assertThatThrownBy(() -> resolve("{\"Fn::Select\": [3, [\"a\"]]}"))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void importValueGoesToTheLookup() {
    assertThat(resolve("{\"Fn::ImportValue\": {\"Fn::Sub\": \"demo-core:PolicyName\"}}"))
        .isEqualTo("\"sensor\"");
    assertThatThrownBy(() -> resolve("{\"Fn::ImportValue\": \"other:X\"}"))
        .hasMessageContaining("no export other:X");
  }

  @Test
  void noValueDropsTheFieldAndIfPicksByCondition() {
    assertThat(
            resolve(
                """
                {"A": {"Ref": "AWS::NoValue"},
                 "B": {"Fn::If": ["IsDev", "dev-value", {"Ref": "AWS::NoValue"}]},
                 "C": {"Fn::If": ["IsProd", "prod-value", "other"]},
                 "D": [1, {"Ref": "AWS::NoValue"}]}
                """))
        .isEqualTo("{\"B\":\"dev-value\",\"C\":\"other\",\"D\":[1]}");
    assertThat(resolver.condition("IsDev")).isTrue();
    assertThat(resolver.condition("IsProd")).isFalse();
  }

  @Test
  void unknownReferencesAndFunctionsFailWithTheirName() {
    assertThatThrownBy(() -> resolve("{\"Ref\": \"Nope\"}"))
        .isInstanceOf(ApplyException.class)
        .hasMessageContaining("Ref Nope");
    assertThatThrownBy(() -> resolve("{\"Fn::GetAtt\": [\"Nope\", \"Arn\"]}"))
        .hasMessageContaining("Nope");
    assertThatThrownBy(() -> resolve("{\"Fn::Cidr\": [\"10.0.0.0/16\", 2, 8]}"))
        .hasMessageContaining("Fn::Cidr is not supported");
  }

  @Test
  void literalsPassThroughUnchanged() {
    assertThat(resolve("{\"Version\": \"2012-10-17\", \"N\": 3, \"B\": true, \"Z\": null}"))
        .isEqualTo("{\"Version\":\"2012-10-17\",\"N\":3,\"B\":true,\"Z\":null}");
  }

  @Test
  void referencesFindsResourceDependenciesOnly() {
    JsonNode value =
        json(
            """
            {"P": {"Fn::GetAtt": ["Cert", "Arn"]},
             "T": {"Ref": "Thing"},
             "R": {"Ref": "AWS::Region"},
             "S": {"Fn::Sub": ["${Cert}${X}${!Thing}", {"X": "x"}]}}
            """);
    assertThat(IntrinsicResolver.references(value, Set.of("Cert", "Thing")))
        .containsExactly("Cert", "Thing");
    assertThat(
            IntrinsicResolver.references(
                json("{\"Fn::Sub\": \"${!Thing}/${AWS::Region}\"}"), Set.of("Thing")))
        .isEmpty();
  }

  private String resolve(String value) {
    return resolver.resolve(json(value)).toString();
  }

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
