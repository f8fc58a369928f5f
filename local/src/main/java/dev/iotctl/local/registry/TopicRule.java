package dev.iotctl.local.registry;

import java.time.Instant;

/**
 * A topic rule: its payload is the {@code topicRulePayload} JSON as given to CreateTopicRule (or
 * ReplaceTopicRule); {@code enabled} is the current state, which EnableTopicRule and
 * DisableTopicRule change without touching the payload.
 */
public record TopicRule(
    String name, String arn, String payload, boolean enabled, Instant createdAt) {}
