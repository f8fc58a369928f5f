package dev.iotctl.cli.framework;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven filtered into {@code iotctl-version.properties} and the commit the build
 * recorded in {@code iotctl-commit.properties} (only when built in a git checkout): {@code iotctl
 * 0.1.0-SNAPSHOT (commit 1a2b3c4d5e, 2025-01-31)}.
 */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties props = new Properties();
    load(props, "/iotctl-version.properties");
    load(props, "/iotctl-commit.properties");
    String commit = filtered(props, "commit");
    String date = filtered(props, "commitDate");
    String build =
        commit == null ? "commit unknown" : "commit " + commit + (date == null ? "" : ", " + date);
    return new String[] {
      "iotctl " + props.getProperty("version", "unknown") + " (" + build + ")",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  private static void load(Properties props, String resource) throws IOException {
    try (InputStream in = VersionProvider.class.getResourceAsStream(resource)) {
      if (in != null) {
        props.load(in);
      }
    }
  }

  /** A property Maven filled in, or null when the build could not (no git, say). */
  private static String filtered(Properties props, String key) {
    String value = props.getProperty(key);
    return value == null || value.isBlank() || value.startsWith("${") ? null : value;
  }
}
