package dev.iotctl.local.http;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

/** AWS SDK for Java v2 clients pointed at a local stand-in with dummy credentials, no retries. */
public final class AwsClients {
  private static final StaticCredentialsProvider DUMMY =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));

  private AwsClients() {}

  public static IotClient iot(URI endpoint) {
    return IotClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(DUMMY)
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  public static IotDataPlaneClient data(URI endpoint) {
    return IotDataPlaneClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(DUMMY)
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }
}
