package dev.iotctl.cdk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.iotctl.cdk.TestFleets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Template;

/**
 * One fleet with many independent mistakes, synthesized once: each test checks that synthesis
 * failed with the message naming one of them.
 */
class ValidationTest {
  @TempDir static Path dir;
  private static String message;

  @BeforeAll
  static void synth() throws Exception {
    Path fleetFile =
        TestFleets.folder(
            dir,
            """
            name: broken
            shards: 1
            policies:
              - name: sensor
              - name: everything
              - name: everything-allowed
                file: policies/everything.json
                allowPermissive: true
              - name: absent
            things:
              - name: bad name
              - name: no-such-policy
                policy: ghost
                certificate: {csr: csr/device.csr}
              - name: missing-csr
                certificate: {csr: csr/missing.csr}
              - name: key-in-csr
                certificate: {csr: csr/key.csr}
              - name: typo-group
                groups: [nowhere]
              - name: untyped-four
                attributes: {a: '1', b: '2', c: '3', d: '4'}
              - name: siblings
                groups: [line-1, line-2]
              - name: ancestor-and-child
                groups: [plant, line-1]
            thingGroups:
              - name: plant
              - name: line-1
                parent: plant
              - name: line-2
                parent: plant
            rules:
              - name: bad_sql
                sql: SELEKT * FROM 'a/b'
                actions: [{republish: {topic: out}}]
              - name: bad_filter
                sql: SELECT * FROM 'a/#/b'
                actions: [{republish: {topic: out}}]
              - name: bad-rule-name
                sql: SELECT * FROM 'a'
                actions: [{republish: {topic: out}}]
            """);
    Files.writeString(
        dir.resolve("policies/everything.json"),
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}");
    Files.writeString(
        dir.resolve("csr/key.csr"),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    FleetStacks stacks = TestFleets.build(fleetFile);
    Throwable thrown = catchThrowable(() -> Template.fromStack(stacks.core()));
    assertThat(thrown).isNotNull();
    message = thrown.getMessage();
  }

  @Test
  void badThingNameIsNamed() {
    assertThat(message).contains("invalid thing name 'bad name'");
  }

  @Test
  void unknownPolicyIsNamedWithTheThing() {
    assertThat(message).contains("thing 'no-such-policy': unknown policy 'ghost'");
  }

  @Test
  void unknownGroupIsNamedWithTheThing() {
    assertThat(message).contains("thing 'typo-group': unknown thing group 'nowhere'");
  }

  @Test
  void moreThanThreeAttributesWithoutATypeAreRefused() {
    assertThat(message).contains("thing 'untyped-four': has 4 attributes; AWS IoT allows 3");
  }

  @Test
  void siblingGroupsAreRefusedNamingThingAndGroups() {
    assertThat(message).contains("thing 'siblings': groups line-1 and line-2 are in one hierarchy");
  }

  @Test
  void aGroupAndItsAncestorAreRefusedNamingThingAndGroups() {
    assertThat(message)
        .contains("thing 'ancestor-and-child': groups plant and line-1 are in one hierarchy");
  }

  @Test
  void permissivePolicyFails() {
    assertThat(message)
        .contains("policy 'everything': statement 0: IOT_POLICY_OVERLY_PERMISSIVE_CHECK");
  }

  @Test
  void permissivePolicyIsAcceptedWhenAllowed() {
    assertThat(message).doesNotContain("policy 'everything-allowed'");
  }

  @Test
  void missingPolicyDocumentIsNamed() {
    assertThat(message).contains("policy 'absent': document policies/absent.json not found");
  }

  @Test
  void missingCsrIsNamedWithTheThing() {
    assertThat(message).contains("thing 'missing-csr': certificate: file not found");
  }

  @Test
  void privateKeyIsRefused() {
    assertThat(message).contains("thing 'key-in-csr'").contains("contains a private key");
  }

  @Test
  void badSqlIsNamedWithTheRule() {
    assertThat(message).contains("rule 'bad_sql': SQL: ");
  }

  @Test
  void badTopicFilterIsNamedWithTheRule() {
    assertThat(message).contains("rule 'bad_filter': SQL: ").contains("a/#/b");
  }

  @Test
  void badRuleNameIsNamed() {
    assertThat(message).contains("invalid rule name 'bad-rule-name'");
  }
}
