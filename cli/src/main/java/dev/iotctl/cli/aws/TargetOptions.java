package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Targeting options, as the AWS CLI spells them, plus {@code --local [DIR]} which reads the
 * stand-in's {@code endpoint.json} and sets all of them (dummy credentials included).
 */
public final class TargetOptions {
  @Option(names = "--profile", paramLabel = "NAME", description = "Named AWS profile.")
  String profile;

  @Option(names = "--region", paramLabel = "REGION", description = "AWS region.")
  String region;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description = "Control-plane endpoint override (like the AWS CLI's).")
  String endpointUrl;

  @Option(
      names = "--data-endpoint",
      paramLabel = "URL",
      description = "Data-plane endpoint (default: DescribeEndpoint iot:Data-ATS).")
  String dataEndpoint;

  @Option(
      names = "--local",
      arity = "0..1",
      paramLabel = "DIR",
      fallbackValue = ".iotctl/local",
      description = "Target the local stand-in whose data dir is DIR (default: ${FALLBACK-VALUE}).")
  Path local;

  /** Resolves the options into a target; {@code --local} wins over AWS settings it replaces. */
  public AwsTarget toTarget() {
    if (local != null) {
      return localTarget(local);
    }
    return new AwsTarget(
        profile,
        region,
        endpointUrl == null ? null : uri(endpointUrl, "--endpoint-url"),
        dataEndpoint == null ? null : dataUri(dataEndpoint),
        null,
        null);
  }

  /** The stand-in whose data dir is {@code dataDir}, from its {@code endpoint.json}. */
  public static AwsTarget localTarget(Path dataDir) {
    LocalEndpoint endpoint = LocalEndpoint.read(dataDir);
    URI http = uri(endpoint.httpUrl(), "endpoint.json httpUrl");
    return new AwsTarget(
        null,
        endpoint.region(),
        http,
        http,
        new AwsTarget.StaticCredentials("AKIDLOCALSTANDIN", "local-stand-in-secret"),
        endpoint);
  }

  private static URI dataUri(String value) {
    // Accept a bare host name as DescribeEndpoint prints it.
    return uri(value.contains("://") ? value : "https://" + value, "--data-endpoint");
  }

  private static URI uri(String value, String what) {
    try {
      URI uri = new URI(value);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new URISyntaxException(value, "expected scheme://host[:port]");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CliException(ExitCodes.USAGE, what + " is not a URL: " + value);
    }
  }
}
