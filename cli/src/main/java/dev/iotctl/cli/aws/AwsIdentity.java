package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Credentials and region found the way the AWS CLI finds them, with explicit providers instead of
 * the SDK's default chains: each source is asked only when the ones before it have nothing, the
 * instance metadata service only within {@link Imds#BUDGET}, and a miss is one line with the exit
 * code a script can branch on (no credentials: 6, no region: 2).
 *
 * <p>Credentials: {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}[/{@code
 * AWS_SESSION_TOKEN}] (unless {@code --profile} is given), the profile ({@code --profile}, {@code
 * AWS_PROFILE} or {@code default}: keys, role, process, SSO), web identity ({@code
 * AWS_WEB_IDENTITY_TOKEN_FILE}), the container endpoint (ECS), the instance profile (EC2). Region:
 * {@code --region}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION}, the profile, the instance's.
 */
final class AwsIdentity {
  static final String NO_CREDENTIALS =
      "Unable to locate credentials. Configure them with 'aws configure' or set AWS_PROFILE.";
  static final String NO_REGION =
      "You must specify a region: pass --region, set AWS_REGION, or run 'aws configure'.";

  private final CliEnvironment env;
  private final String profileOption;
  private final String regionOption;
  private AwsProfiles profiles;
  private Imds imds;
  private AwsCredentialsProvider credentials;
  private String region;

  AwsIdentity(CliEnvironment env, String profileOption, String regionOption) {
    this.env = env;
    this.profileOption = profileOption;
    this.regionOption = regionOption;
  }

  /** The profile file and name clients should use for their other settings. */
  synchronized AwsProfiles profiles() {
    if (profiles == null) {
      profiles = new AwsProfiles(env, profileOption);
      if (profiles.explicit() && profiles.profile().isEmpty()) {
        throw new CliException(
            ExitCodes.USAGE, "The config profile (" + profiles.name() + ") could not be found.");
      }
    }
    return profiles;
  }

  synchronized String region() {
    if (region == null) {
      region =
          Optional.ofNullable(regionOption)
              .or(() -> env.get("AWS_REGION"))
              .or(() -> env.get("AWS_DEFAULT_REGION"))
              .or(() -> profiles().region())
              .or(() -> imds().region())
              .orElseThrow(() -> new CliException(ExitCodes.USAGE, NO_REGION));
    }
    return region;
  }

  /** A provider that has already produced credentials once (so a miss fails here, not mid-call). */
  synchronized AwsCredentialsProvider credentials() {
    if (credentials == null) {
      AwsCredentialsProvider provider = find();
      try {
        provider.resolveCredentials();
      } catch (SdkClientException e) {
        throw new CliException(
            ExitCodes.UNAUTHORIZED, "Unable to load credentials: " + firstLine(e.getMessage()));
      }
      credentials = provider;
    }
    return credentials;
  }

  private AwsCredentialsProvider find() {
    Optional<String> keyId = env.get("AWS_ACCESS_KEY_ID");
    Optional<String> secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (profileOption == null && keyId.isPresent() && secret.isPresent()) {
      Optional<String> token = env.get("AWS_SESSION_TOKEN");
      return StaticCredentialsProvider.create(
          token.isPresent()
              ? AwsSessionCredentials.create(keyId.get(), secret.get(), token.get())
              : AwsBasicCredentials.create(keyId.get(), secret.get()));
    }
    AwsProfiles shared = profiles();
    if (shared.hasCredentials()) {
      ProfileFile file = shared.file();
      return ProfileCredentialsProvider.builder()
          .profileFile(file)
          .profileName(shared.name())
          .build();
    }
    if (profileOption != null) {
      throw new CliException(ExitCodes.UNAUTHORIZED, NO_CREDENTIALS);
    }
    Optional<String> tokenFile = env.get("AWS_WEB_IDENTITY_TOKEN_FILE");
    Optional<String> role = env.get("AWS_ROLE_ARN");
    if (tokenFile.isPresent() && role.isPresent()) {
      return WebIdentityTokenFileCredentialsProvider.builder()
          .webIdentityTokenFile(Path.of(tokenFile.get()))
          .roleArn(role.get())
          .roleSessionName(env.get("AWS_ROLE_SESSION_NAME").orElse("iotctl"))
          .build();
    }
    if (env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI").isPresent()
        || env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI").isPresent()) {
      return ContainerCredentialsProvider.builder().build();
    }
    if (imds().reachable()) {
      return InstanceProfileCredentialsProvider.builder().endpoint(imds().endpoint()).build();
    }
    throw new CliException(ExitCodes.UNAUTHORIZED, NO_CREDENTIALS);
  }

  private Imds imds() {
    if (imds == null) {
      imds = new Imds(env);
    }
    return imds;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
