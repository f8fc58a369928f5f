package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliEnvironment;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeEndpointRequest;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds the SDK clients for a target lazily, so a command pays only for what it calls: the data
 * plane alone never builds the control plane, and nothing resolves credentials or a region before
 * the first client is needed. Explicit region and credentials providers ({@link AwsIdentity}), the
 * URL-connection HTTP client (fast start) and the SDK's adaptive retry strategy with the attempts
 * of {@link Retries}.
 */
public final class AwsClients implements AutoCloseable {
  private final AwsTarget target;
  private final CliEnvironment env;
  private final Retries retries;
  private final Supplier<SdkHttpClient> httpClientFactory;
  private final RequestLog requests = new RequestLog();
  private AwsIdentity identity;
  private SdkHttpClient http;
  private IotClient iot;
  private IotDataPlaneClient data;
  private URI resolvedDataEndpoint;

  public AwsClients(AwsTarget target, CliEnvironment env, Retries retries) {
    this(target, env, retries, () -> UrlConnectionHttpClient.builder().build());
  }

  /**
   * With another HTTP client: the URL-connection client cannot send PATCH (UpdateThing,
   * UpdateThingGroup), so commands that need those pass e.g. the Apache client.
   */
  public AwsClients(
      AwsTarget target,
      CliEnvironment env,
      Retries retries,
      Supplier<SdkHttpClient> httpClientFactory) {
    this.target = target;
    this.env = env;
    this.retries = retries;
    this.httpClientFactory = httpClientFactory;
  }

  public AwsTarget target() {
    return target;
  }

  /** Requests sent so far: attempts, retries, throttled answers, the last URL. */
  public RequestLog requests() {
    return requests;
  }

  public synchronized IotClient iot() {
    if (iot == null) {
      var builder = configure(IotClient.builder());
      if (target.endpointUrl() != null) {
        builder.endpointOverride(target.endpointUrl());
      }
      iot = builder.build();
    }
    return iot;
  }

  public synchronized IotDataPlaneClient data() {
    if (data == null) {
      data = configure(IotDataPlaneClient.builder()).endpointOverride(dataEndpoint()).build();
    }
    return data;
  }

  /** The account id: the stand-in's, or the caller's from STS GetCallerIdentity. */
  public synchronized String accountId() {
    if (target.isLocal()) {
      return target.local().endpoint().accountId();
    }
    try (StsClient sts = configure(StsClient.builder()).build()) {
      return sts.getCallerIdentity().account();
    }
  }

  /** The region the clients use. */
  public synchronized String region() {
    return target.isLocal() ? target.local().endpoint().region() : identity().region();
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

  private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
    ClientOverrideConfiguration.Builder overrides =
        ClientOverrideConfiguration.builder()
            .retryStrategy(retries.strategy())
            .addExecutionInterceptor(requests);
    if (target.isLocal()) {
      // Nothing of ~/.aws applies to the stand-in: skip reading it.
      overrides.defaultProfileFile(ProfileFile.aggregator().build()).defaultProfileName("default");
    } else {
      AwsProfiles profiles = identity().profiles();
      overrides.defaultProfileFile(profiles.file()).defaultProfileName(profiles.name());
    }
    builder
        .region(Region.of(region()))
        .credentialsProvider(credentials())
        .overrideConfiguration(overrides.build());
    builder.httpClient(http());
    return builder;
  }

  private AwsIdentity identity() {
    if (identity == null) {
      identity = new AwsIdentity(env, target.profile(), target.region());
    }
    return identity;
  }

  private SdkHttpClient http() {
    if (http == null) {
      http = httpClientFactory.get();
    }
    return http;
  }

  private AwsCredentialsProvider credentials() {
    if (target.isLocal()) {
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(
              AwsTarget.LOCAL_ACCESS_KEY_ID, AwsTarget.LOCAL_SECRET_ACCESS_KEY));
    }
    return identity().credentials();
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
}
