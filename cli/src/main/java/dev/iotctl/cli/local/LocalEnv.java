package dev.iotctl.cli.local;

import dev.iotctl.cli.aws.AwsTarget;
import dev.iotctl.cli.aws.LocalTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * The shell lines that point the AWS CLI (v2.13+), boto3 (1.28+), the SDKs and iotctl at a running
 * stand-in with no flags: its URL for both IoT endpoints, dummy credentials, its region, and its
 * data dir for iotctl's MQTT side (watch, certificates).
 */
final class LocalEnv {
  private LocalEnv() {}

  static List<String> exports(LocalTarget standIn) {
    String url = standIn.httpUrl().toString();
    String region = standIn.endpoint().region();
    List<String> lines = new ArrayList<>();
    lines.add("export AWS_ENDPOINT_URL_IOT=" + url);
    lines.add("export AWS_ENDPOINT_URL_IOT_DATA_PLANE=" + url);
    lines.add(
        "export AWS_ACCESS_KEY_ID="
            + AwsTarget.LOCAL_ACCESS_KEY_ID
            + " AWS_SECRET_ACCESS_KEY="
            + AwsTarget.LOCAL_SECRET_ACCESS_KEY
            + " AWS_REGION="
            + region
            + " AWS_DEFAULT_REGION="
            + region);
    lines.add(
        "export IOTCTL_LOCAL_DIR="
            + shellQuote(standIn.dataDir().toAbsolutePath().normalize().toString()));
    return lines;
  }

  private static String shellQuote(String s) {
    return s.matches("[A-Za-z0-9_./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
