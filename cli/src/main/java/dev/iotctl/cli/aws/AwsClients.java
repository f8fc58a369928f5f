package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/**
 * Builds the SDK clients for a target lazily: a command that needs only the data plane never pays
 * for the control plane. URL-connection HTTP client (fast start), adaptive retries (backs off on
 * ThrottlingException instead of failing).
 */
public final class AwsClients implements AutoCloseable {
  private final AwsTarget target;
  private final Supplier<SdkHttpClient> httpClientFactory;
  private SdkHttpClient http;
  private IotClient iot;
  private IotDataPlaneClient data;
  private URI resolvedDataEndpoint;

  public AwsClients(AwsTarget target) {
    this(target, () -> UrlConnectionHttpClient.builder().build());
  }

  /**
   * With another HTTP client: the URL-connection client cannot send PATCH (UpdateThing,
   * UpdateThingGroup), so commands that need those pass e.g. the Apache client.
   */
  public AwsClients(AwsTarget target, Supplier<SdkHttpClient> httpClientFactory) {
    this.target = target;
    this.httpClientFactory = httpClientFactory;
  }

  public AwsTarget target() {
    return target;
  }

  public synchronized IotClient iot() {
    if (iot == null) {
      var builder =
          IotClient.builder()
              .httpClient(http())
              .credentialsProvider(credentials())
              .overrideConfiguration(overrides());
      if (target.region() != null) {
        builder.region(Region.of(target.region()));
      }
      if (target.endpointUrl() != null) {
        builder.endpointOverride(target.endpointUrl());
      }
      iot = builder.build();
    }
    return iot;
  }

  public synchronized IotDataPlaneClient data() {
    if (data == null) {
      var builder =
          IotDataPlaneClient.builder()
              .httpClient(http())
              .credentialsProvider(credentials())
              .overrideConfiguration(overrides())
              .endpointOverride(dataEndpoint());
      if (target.region() != null) {
        builder.region(Region.of(target.region()));
      }
      data = builder.build();
    }
    return data;
  }

  /** The account id: the stand-in's, or the caller's from STS GetCallerIdentity. */
  public synchronized String accountId() {
    if (target.isLocal()) {
      return target.local().accountId();
    }
    var builder =
        software.amazon.awssdk.services.sts.StsClient.builder()
            .httpClient(http())
            .credentialsProvider(credentials());
    if (target.region() != null) {
      builder.region(Region.of(target.region()));
    }
    try (var sts = builder.build()) {
      return sts.getCallerIdentity().account();
    }
  }

  /** The region the clients use. */
  public String region() {
    return iot().serviceClientConfiguration().region().id();
  }

  /** The data-plane endpoint: given, or AWS's {@code iot:Data-ATS} endpoint for the account. */
  public synchronized URI dataEndpoint() {
    if (resolvedDataEndpoint == null) {
      if (target.dataEndpoint() != null) {
        resolvedDataEndpoint = target.dataEndpoint();
      } else {
        String address =
            iot()
                .describeEndpoint(
                    DescribeEndpointRequest.builder().endpointType("iot:Data-ATS").build())
                .endpointAddress();
        resolvedDataEndpoint = URI.create("https://" + address);
      }
    }
    return resolvedDataEndpoint;
  }

  private SdkHttpClient http() {
    if (http == null) {
      http = httpClientFactory.get();
    }
    return http;
  }

  private AwsCredentialsProvider credentials() {
    if (target.staticCredentials() != null) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              target.staticCredentials().accessKeyId(),
              target.staticCredentials().secretAccessKey()));
    }
    if (target.profile() != null) {
      return ProfileCredentialsProvider.create(target.profile());
    }
    return DefaultCredentialsProvider.builder().build();
  }

  private static ClientOverrideConfiguration overrides() {
    return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.ADAPTIVE_V2).build();
  }

  @Override
  public synchronized void close() {
    if (iot != null) {
      iot.close();
    }
    if (data != null) {
      data.close();
    }
    if (http != null) {
      http.close();
    }
  }

  /** Fails early with a clear message when no region can be found (as the AWS CLI does). */
  public static CliException noRegion() {
    return new CliException(
        ExitCodes.USAGE,
        "no AWS region: pass --region, set AWS_REGION, or configure a profile",
        "or target the local stand-in with --local");
  }
}
