package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The AWS CLI's shared files, {@code ~/.aws/config} and {@code ~/.aws/credentials} (or {@code
 * AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}), read once per command.
 */
final class AwsProfiles {
  /** Properties that make a profile a source of credentials (static, role, process, SSO). */
  private static final Set<String> CREDENTIAL_PROPERTIES =
      Set.of(
          "aws_access_key_id",
          "role_arn",
          "credential_process",
          "sso_start_url",
          "sso_session",
          "web_identity_token_file",
          "credential_source");

  private final ProfileFile file;
  private final String name;
  private final boolean explicit;

  /**
   * @param profileOption {@code --profile}, or null for {@code AWS_PROFILE} or {@code default}
   */
  AwsProfiles(CliEnvironment env, String profileOption) {
    Path aws = env.home().resolve(".aws");
    Path config = env.get("AWS_CONFIG_FILE").map(Path::of).orElse(aws.resolve("config"));
    Path credentials =
        env.get("AWS_SHARED_CREDENTIALS_FILE").map(Path::of).orElse(aws.resolve("credentials"));
    ProfileFile.Aggregator files = ProfileFile.aggregator();
    if (Files.isRegularFile(config)) {
      files.addFile(
          ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
    }
    if (Files.isRegularFile(credentials)) {
      files.addFile(
          ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
    }
    this.file = files.build();
    this.explicit = profileOption != null || env.get("AWS_PROFILE").isPresent();
    this.name = profileOption != null ? profileOption : env.get("AWS_PROFILE").orElse("default");
  }

  ProfileFile file() {
    return file;
  }

  String name() {
    return name;
  }

  /** True when the profile was named (--profile or AWS_PROFILE) rather than implied. */
  boolean explicit() {
    return explicit;
  }

  Optional<Profile> profile() {
    return file.profile(name);
  }

  Optional<String> region() {
    return profile().flatMap(p -> p.property("region")).filter(r -> !r.isBlank());
  }

  boolean hasCredentials() {
    return profile()
        .map(p -> p.properties().keySet().stream().anyMatch(CREDENTIAL_PROPERTIES::contains))
        .orElse(false);
  }
}
