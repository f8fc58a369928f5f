package dev.iotctl.core.policy;

import java.util.Objects;

/**
 * Fills the region and account placeholders of the documents shipped in {@code policies/}: the
 * CloudFormation pseudo parameters {@code ${AWS::Region}}, {@code ${AWS::AccountId}}, {@code
 * ${AWS::Partition}} and {@code ${AWS::URLSuffix}} (so one document serves the CDK app, which hands
 * them to {@code Fn::Sub}, the CLI and the stand-in), and the older {@code {{region}}} and {@code
 * {{account}}}. IoT policy variables such as {@code ${iot:ClientId}} are left alone. The shipped
 * documents name region and account through placeholders rather than {@code *}: a {@code *} there
 * can also swallow part of a topic ({@code arn:aws:iot:*:*:topic/x} matches a topic ending in
 * {@code :topic/x}), widening a device's reach.
 */
public final class PolicyTemplate {
  public static final String REGION = "{{region}}";
  public static final String ACCOUNT = "{{account}}";
  public static final String AWS_REGION = "${AWS::Region}";
  public static final String AWS_ACCOUNT_ID = "${AWS::AccountId}";
  public static final String AWS_PARTITION = "${AWS::Partition}";
  public static final String AWS_URL_SUFFIX = "${AWS::URLSuffix}";

  private PolicyTemplate() {}

  /** The template with both placeholders replaced; the result is policy JSON for that account. */
  public static String render(String template, String region, String accountId) {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    return template
        .replace(REGION, region)
        .replace(ACCOUNT, accountId)
        .replace(AWS_REGION, region)
        .replace(AWS_ACCOUNT_ID, accountId)
        .replace(AWS_PARTITION, "aws")
        .replace(AWS_URL_SUFFIX, "amazonaws.com");
  }

  /** True when the document names the account or region through a placeholder. */
  public static boolean needsAccount(String template) {
    return template.contains(REGION)
        || template.contains(ACCOUNT)
        || template.contains(AWS_REGION)
        || template.contains(AWS_ACCOUNT_ID);
  }
}
