package dev.iotctl.core.policy;

import java.util.Objects;

/**
 * Fills the {@code {{region}}} and {@code {{account}}} placeholders of the documents shipped in
 * {@code policies/}. The shipped documents name region and account through placeholders rather than
 * {@code *}: a {@code *} there can also swallow part of a topic ({@code arn:aws:iot:*:*:topic/x}
 * matches a topic ending in {@code :topic/x}), widening a device's reach.
 */
public final class PolicyTemplate {
  public static final String REGION = "{{region}}";
  public static final String ACCOUNT = "{{account}}";

  private PolicyTemplate() {}

  /** The template with both placeholders replaced; the result is policy JSON for that account. */
  public static String render(String template, String region, String accountId) {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    return template.replace(REGION, region).replace(ACCOUNT, accountId);
  }
}
