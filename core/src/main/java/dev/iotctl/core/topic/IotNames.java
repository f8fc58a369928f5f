package dev.iotctl.core.topic;

import dev.iotctl.core.error.IotException;
import java.nio.charset.StandardCharsets;

/**
 * AWS IoT's naming rules (API reference length constraints and patterns), in one place. Each {@code
 * validate…} throws 400 InvalidRequestException with AWS's validation text and returns the value;
 * each {@code isValid…} answers without throwing.
 */
public final class IotNames {
  private IotNames() {}

  public static final NameRule THING_NAME =
      new NameRule("thingName", 1, IotLimits.THING_NAME_MAX_LENGTH, "[a-zA-Z0-9:_-]+");

  /** Data-plane pattern: unlike thing names, {@code $} is allowed. */
  public static final NameRule SHADOW_NAME =
      new NameRule("shadowName", 1, IotLimits.SHADOW_NAME_MAX_LENGTH, "[$a-zA-Z0-9:_-]+");

  public static final NameRule THING_TYPE_NAME =
      new NameRule("thingTypeName", 1, IotLimits.THING_TYPE_NAME_MAX_LENGTH, "[a-zA-Z0-9:_-]+");
  public static final NameRule THING_GROUP_NAME =
      new NameRule("thingGroupName", 1, IotLimits.THING_GROUP_NAME_MAX_LENGTH, "[a-zA-Z0-9:_-]+");
  public static final NameRule BILLING_GROUP_NAME =
      new NameRule(
          "billingGroupName", 1, IotLimits.BILLING_GROUP_NAME_MAX_LENGTH, "[a-zA-Z0-9:_-]+");
  public static final NameRule POLICY_NAME =
      new NameRule("policyName", 1, IotLimits.POLICY_NAME_MAX_LENGTH, "[\\w+=,.@-]+");
  public static final NameRule RULE_NAME =
      new NameRule("ruleName", 1, IotLimits.RULE_NAME_MAX_LENGTH, "^[a-zA-Z0-9_]+$");
  public static final NameRule ROLE_ALIAS =
      new NameRule("roleAlias", 1, IotLimits.ROLE_ALIAS_MAX_LENGTH, "[\\w=,@-]+");
  public static final NameRule JOB_ID =
      new NameRule("jobId", 1, IotLimits.JOB_ID_MAX_LENGTH, "[a-zA-Z0-9_-]+");
  public static final NameRule PROVISIONING_TEMPLATE_NAME =
      new NameRule(
          "templateName", 1, IotLimits.PROVISIONING_TEMPLATE_NAME_MAX_LENGTH, "^[0-9A-Za-z_-]+$");
  public static final NameRule ATTRIBUTE_NAME =
      new NameRule("attributeName", 1, IotLimits.ATTRIBUTE_NAME_MAX_LENGTH, "[a-zA-Z0-9_.,@/:#-]+");
  public static final NameRule ATTRIBUTE_VALUE =
      new NameRule(
          "attributeValue", 0, IotLimits.ATTRIBUTE_VALUE_MAX_LENGTH, "[a-zA-Z0-9_.,@/:#=\\[\\]-]*");

  /** A certificate ID is the 64-hex-digit SHA-256 fingerprint of the certificate. */
  public static final NameRule CERTIFICATE_ID =
      new NameRule("certificateId", 64, 64, "(0x)?[a-fA-F0-9]+");

  public static String validateThingName(String name) {
    return THING_NAME.validate(name);
  }

  public static boolean isValidThingName(String name) {
    return THING_NAME.isValid(name);
  }

  public static String validateShadowName(String name) {
    return SHADOW_NAME.validate(name);
  }

  public static boolean isValidShadowName(String name) {
    return SHADOW_NAME.isValid(name);
  }

  public static String validateThingTypeName(String name) {
    return THING_TYPE_NAME.validate(name);
  }

  public static boolean isValidThingTypeName(String name) {
    return THING_TYPE_NAME.isValid(name);
  }

  public static String validateThingGroupName(String name) {
    return THING_GROUP_NAME.validate(name);
  }

  public static boolean isValidThingGroupName(String name) {
    return THING_GROUP_NAME.isValid(name);
  }

  public static String validatePolicyName(String name) {
    return POLICY_NAME.validate(name);
  }

  public static boolean isValidPolicyName(String name) {
    return POLICY_NAME.isValid(name);
  }

  public static String validateRuleName(String name) {
    return RULE_NAME.validate(name);
  }

  public static boolean isValidRuleName(String name) {
    return RULE_NAME.isValid(name);
  }

  /**
   * An MQTT client ID as AWS IoT accepts it: 1 to 128 bytes of UTF-8, no U+0000. (MQTT's empty ID
   * for clean sessions is not supported.)
   */
  public static String validateClientId(String clientId) {
    if (!isValidClientId(clientId)) {
      throw IotException.invalidRequest(
          "Client ID must be 1 to "
              + IotLimits.CLIENT_ID_MAX_BYTES
              + " bytes of UTF-8 without U+0000: '"
              + clientId
              + "'");
    }
    return clientId;
  }

  public static boolean isValidClientId(String clientId) {
    if (clientId == null || clientId.isEmpty() || clientId.indexOf('\u0000') >= 0) {
      return false;
    }
    return clientId.getBytes(StandardCharsets.UTF_8).length <= IotLimits.CLIENT_ID_MAX_BYTES;
  }
}
