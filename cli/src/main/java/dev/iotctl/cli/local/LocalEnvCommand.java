package dev.iotctl.cli.local;

import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.framework.CliEnvironment;
import dev.iotctl.cli.framework.DebugOption;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "env",
    description = {
      "Print the export lines that point the AWS CLI, boto3, the SDKs and iotctl at the running"
          + " stand-in with no flags (AWS_ENDPOINT_URL_IOT, AWS_ENDPOINT_URL_IOT_DATA_PLANE, dummy"
          + " credentials, AWS_REGION, IOTCTL_LOCAL_DIR); 'local up' prints the same lines.",
      "The endpoint variables need AWS CLI 2.13+ or boto3 1.28+; older ones take --endpoint-url."
    },
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  eval \"$(iotctl local env)\"",
      "  iotctl local up --mqtt-port 0 --http-port 0 & eval \"$(iotctl local env --wait 60s)\""
    })
final class LocalEnvCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin DataDirOption dataDir;

  @Mixin DebugOption debug;

  @Option(
      names = "--wait",
      paramLabel = "DURATION",
      description = "Wait this long for a stand-in that is still starting (e.g. 60s).")
  Duration wait;

  @Override
  public Integer call() throws InterruptedException {
    Path dir = dataDir.dataDir(CliEnvironment.of(spec));
    if (wait != null) {
      // endpoint.json appears, atomically, once the stand-in accepts connections.
      long deadline = System.nanoTime() + wait.toNanos();
      while (LocalTarget.find(dir).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }
    LocalTarget standIn = LocalTarget.read(dir);
    PrintWriter out = spec.commandLine().getOut();
    LocalEnv.exports(standIn).forEach(out::println);
    out.flush();
    return 0;
  }
}
