package dev.iotctl.cli.aws;

import java.net.URI;

/**
 * Where and as whom the CLI talks to AWS IoT: like the AWS CLI's {@code --profile}, {@code
 * --region}, {@code --endpoint-url}, plus the data-plane endpoint. A null field means "the SDK's
 * default" (default credential chain, region provider chain, DescribeEndpoint for data).
 *
 * @param profile named profile, or null for the default chain
 * @param region region, or null for the SDK's region provider chain
 * @param endpointUrl control-plane endpoint override, or null
 * @param dataEndpoint data-plane endpoint, or null to ask DescribeEndpoint({@code iot:Data-ATS})
 * @param staticCredentials dummy credentials (the local stand-in), or null
 * @param local the stand-in's endpoint file when targeting it, or null for AWS
 */
public record AwsTarget(
    String profile,
    String region,
    URI endpointUrl,
    URI dataEndpoint,
    StaticCredentials staticCredentials,
    LocalEndpoint local) {

  /** Access key pair used against the local stand-in (any well-formed value is accepted there). */
  public record StaticCredentials(String accessKeyId, String secretAccessKey) {}

  public boolean isLocal() {
    return local != null;
  }
}
