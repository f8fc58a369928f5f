package dev.iotctl.cli.aws;

import java.net.URI;

/**
 * Where and as whom the CLI talks to AWS IoT: like the AWS CLI's {@code --profile}, {@code
 * --region}, {@code --endpoint-url}, plus the data-plane endpoint, or the local stand-in. A null
 * field means "as the AWS CLI would find it" (profile and region from the environment and {@code
 * ~/.aws}, DescribeEndpoint for the data plane).
 *
 * @param profile {@code --profile}, or null
 * @param region {@code --region}, or null
 * @param endpointUrl control-plane endpoint override, or null
 * @param dataEndpoint data-plane endpoint, or null to ask DescribeEndpoint({@code iot:Data-ATS})
 * @param local the stand-in when targeting it (dummy credentials, its region), or null for AWS
 */
public record AwsTarget(
    String profile, String region, URI endpointUrl, URI dataEndpoint, LocalTarget local) {

  /** Access key pair used against the local stand-in (any well-formed value is accepted there). */
  public static final String LOCAL_ACCESS_KEY_ID = "AKIDLOCALSTANDIN";

  public static final String LOCAL_SECRET_ACCESS_KEY = "local-stand-in-secret";

  /** The stand-in's HTTP API for both planes, its region, dummy credentials. */
  public static AwsTarget local(LocalTarget local) {
    URI http = local.httpUrl();
    return new AwsTarget(null, local.endpoint().region(), http, http, local);
  }

  public boolean isLocal() {
    return local != null;
  }
}
