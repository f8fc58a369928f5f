package dev.iotctl.cli.aws;

import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.OutputOptions;
import dev.iotctl.local.StandInFiles;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Stack;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options every AWS command shares, in one "AWS options" section of its help: the AWS CLI's
 * {@code --profile --region --endpoint-url --output --query --debug}, the data-plane endpoint, and
 * {@code --local}/{@code --local-dir} for the stand-in. The environment fills in what is not given,
 * as for the AWS CLI: {@code AWS_PROFILE}, {@code AWS_REGION}, {@code AWS_ENDPOINT_URL_IOT}, {@code
 * AWS_ENDPOINT_URL_IOT_DATA_PLANE}, {@code AWS_ENDPOINT_URL}, and {@code IOTCTL_LOCAL_DIR}.
 */
public final class AwsOptions {
  @ArgGroup(
      validate = false,
      heading = "%nAWS options (as the AWS CLI's; --local targets the stand-in):%n",
      order = 1000)
  Group group = new Group();

  /** The section's options. */
  public static final class Group extends OutputOptions.Group {
    @Option(names = "--profile", paramLabel = "NAME", description = "Named profile of ~/.aws.")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region.")
    String region;

    @Option(
        names = "--endpoint-url",
        paramLabel = "URL",
        description = "Control-plane endpoint; a loopback stand-in's URL serves both planes.")
    String endpointUrl;

    @Option(
        names = "--data-endpoint",
        paramLabel = "URL",
        description = "Data-plane endpoint (default: DescribeEndpoint iot:Data-ATS).")
    String dataEndpoint;

    @Option(
        names = "--local",
        arity = "0",
        parameterConsumer = LocalFlag.class,
        description = "Target the local stand-in (see --local-dir).")
    String local;

    @Option(
        names = "--local-dir",
        paramLabel = "DIR",
        description = "The stand-in's data dir (default: $IOTCTL_LOCAL_DIR or .iotctl/local).")
    Path localDir;
  }

  public Group get() {
    return group == null ? new Group() : group;
  }

  /** Resolves options and environment into a target; {@code --local} wins over AWS settings. */
  public AwsTarget toTarget(CliEnvironment env) {
    Group g = get();
    if (g.local != null || g.localDir != null) {
      Path dir =
          g.localDir != null ? g.localDir : !g.local.isEmpty() ? Path.of(g.local) : localDir(env);
      return AwsTarget.local(LocalTarget.read(dir));
    }
    Optional<URI> endpoint =
        Optional.ofNullable(g.endpointUrl)
            .map(u -> uri(u, "--endpoint-url"))
            .or(() -> env.get("AWS_ENDPOINT_URL_IOT").map(u -> uri(u, "AWS_ENDPOINT_URL_IOT")))
            .or(() -> env.get("AWS_ENDPOINT_URL").map(u -> uri(u, "AWS_ENDPOINT_URL")));
    Optional<URI> data =
        Optional.ofNullable(g.dataEndpoint)
            .map(AwsOptions::dataUri)
            .or(
                () ->
                    env.get("AWS_ENDPOINT_URL_IOT_DATA_PLANE")
                        .map(u -> uri(u, "AWS_ENDPOINT_URL_IOT_DATA_PLANE")));
    if (endpoint.isPresent() && isLoopback(endpoint.get())) {
      // The AWS CLI habit of one --endpoint-url: a loopback stand-in serves both planes, and
      // when it is the one in the local dir, certs and watch also get its MQTT side.
      Optional<URI> dataPlane = data;
      Optional<LocalTarget> standIn =
          LocalTarget.find(localDir(env))
              .filter(t -> sameServer(t.endpoint().httpUrl(), endpoint.get()))
              .filter(
                  t -> dataPlane.isEmpty() || sameServer(t.endpoint().httpUrl(), dataPlane.get()));
      if (standIn.isPresent() && g.profile == null) {
        return AwsTarget.local(standIn.get());
      }
      data = data.or(() -> endpoint);
    }
    return new AwsTarget(g.profile, g.region, endpoint.orElse(null), data.orElse(null), null);
  }

  /** {@code IOTCTL_LOCAL_DIR}, else {@code .iotctl/local}. */
  public static Path localDir(CliEnvironment env) {
    return env.get("IOTCTL_LOCAL_DIR").map(Path::of).orElse(StandInFiles.DEFAULT_DATA_DIR);
  }

  private static boolean sameServer(URI a, URI b) {
    return a != null
        && Objects.equals(a.getScheme(), b.getScheme())
        && a.getPort() == b.getPort()
        && isLoopback(a);
  }

  static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+]?")) {
      return false; // a name: do not resolve it just to ask
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
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

  /**
   * {@code --local} is a flag. For scripts written for the old {@code --local DIR}, it still takes
   * the next word when that word is a path (contains a slash, which no thing, policy or shadow name
   * can), so {@code shadow get --local lamp} keeps {@code lamp} as the thing.
   */
  static final class LocalFlag implements IParameterConsumer {
    @Override
    public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
      String dir = "";
      if (!args.isEmpty() && !args.peek().startsWith("-") && args.peek().contains("/")) {
        dir = args.pop();
      }
      argSpec.setValue(dir);
    }
  }
}
