package dev.iotctl.core.topic;

import java.time.Duration;

/**
 * AWS IoT Core's fixed quotas that the toolkit enforces, in one place ("AWS IoT Core endpoints and
 * quotas", General Reference; the Device Shadow pages of the developer guide). Sizes are bytes of
 * UTF-8 unless named otherwise.
 */
public final class IotLimits {
  private IotLimits() {}

  // Registry names (API reference length constraints).
  public static final int THING_NAME_MAX_LENGTH = 128;
  public static final int THING_TYPE_NAME_MAX_LENGTH = 128;
  public static final int THING_GROUP_NAME_MAX_LENGTH = 128;
  public static final int BILLING_GROUP_NAME_MAX_LENGTH = 128;
  public static final int POLICY_NAME_MAX_LENGTH = 128;
  public static final int RULE_NAME_MAX_LENGTH = 128;
  public static final int ROLE_ALIAS_MAX_LENGTH = 128;
  public static final int JOB_ID_MAX_LENGTH = 64;
  public static final int PROVISIONING_TEMPLATE_NAME_MAX_LENGTH = 36;
  public static final int ATTRIBUTE_NAME_MAX_LENGTH = 128;
  public static final int ATTRIBUTE_VALUE_MAX_LENGTH = 800;
  public static final int THING_ATTRIBUTES_WITH_TYPE = 50;
  public static final int THING_ATTRIBUTES_WITHOUT_TYPE = 3;

  // Policies.
  /** Policy document size in characters, whitespace excluded. */
  public static final int POLICY_DOCUMENT_MAX_CHARS = 2048;

  public static final int POLICY_VERSIONS_MAX = 5;
  public static final int POLICIES_PER_PRINCIPAL_MAX = 10;

  // Message broker.
  public static final int CLIENT_ID_MAX_BYTES = 128;

  /** Publish topic size; Basic Ingest's {@code $aws/rules/ruleName/} prefix does not count. */
  public static final int TOPIC_MAX_BYTES = 256;

  /**
   * Forward slashes in a publish topic or a subscribe filter (so at most 8 levels); Basic Ingest's
   * {@code $aws/rules/ruleName/} prefix does not count.
   */
  public static final int TOPIC_MAX_SLASHES = 7;

  public static final int PAYLOAD_MAX_BYTES = 128 * 1024;
  public static final int SUBSCRIPTIONS_PER_SUBSCRIBE_MAX = 8;
  public static final int SUBSCRIPTIONS_PER_CONNECTION_MAX = 50;
  public static final int PUBLISH_PER_CONNECTION_PER_SECOND = 100;
  public static final int KEEP_ALIVE_MIN_SECONDS = 30;
  public static final int KEEP_ALIVE_MAX_SECONDS = 1200;

  // Device Shadow service.
  public static final int SHADOW_NAME_MAX_LENGTH = 64;

  /** desired + reported state, metadata excluded. */
  public static final int SHADOW_STATE_MAX_BYTES = 8 * 1024;

  /** Levels inside {@code desired} or {@code reported} (8 counting {@code state} and section). */
  public static final int SHADOW_SECTION_MAX_DEPTH = 6;

  public static final int SHADOW_CLIENT_TOKEN_MAX_BYTES = 64;
  public static final int SHADOW_IN_FLIGHT_PER_CONNECTION = 10;

  /** A shadow re-created within this time after deletion continues the old version numbers. */
  public static final Duration SHADOW_VERSION_RETENTION = Duration.ofHours(48);
}
