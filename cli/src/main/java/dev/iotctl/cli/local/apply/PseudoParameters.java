package dev.iotctl.cli.local.apply;

/**
 * The values of CloudFormation's pseudo parameters for a deployment target (the stand-in's region
 * and account).
 *
 * @param region {@code AWS::Region}
 * @param accountId {@code AWS::AccountId}
 * @param partition {@code AWS::Partition}
 * @param urlSuffix {@code AWS::URLSuffix}
 */
public record PseudoParameters(
    String region, String accountId, String partition, String urlSuffix) {

  /** The partition and URL suffix follow from the region, as in AWS. */
  public static PseudoParameters of(String region, String accountId) {
    if (region.startsWith("cn-")) {
      return new PseudoParameters(region, accountId, "aws-cn", "amazonaws.com.cn");
    }
    if (region.startsWith("us-gov-")) {
      return new PseudoParameters(region, accountId, "aws-us-gov", "amazonaws.com");
    }
    return new PseudoParameters(region, accountId, "aws", "amazonaws.com");
  }

  /** {@code AWS::StackId}: stable for a stack name, in the ARN form CloudFormation uses. */
  public String stackId(String stackName) {
    java.util.UUID id =
        java.util.UUID.nameUUIDFromBytes(
            (accountId + "/" + region + "/" + stackName)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "arn:%s:cloudformation:%s:%s:stack/%s/%s"
        .formatted(partition, region, accountId, stackName, id);
  }
}
