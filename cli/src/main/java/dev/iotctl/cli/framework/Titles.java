package dev.iotctl.cli.framework;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The title of a command's {@code --output table}, named as the AWS CLI names its tables: after the
 * AWS operation the command stands for ({@code things list} is {@code ListThings}, {@code shadow
 * get} is {@code GetThingShadow}), else verb and noun ({@code certs issue} is {@code
 * IssueCertificate}, {@code local stats} is {@code LocalStats}).
 */
public final class Titles {
  private static final Map<String, String> OPERATIONS =
      Map.ofEntries(
          Map.entry("things list", "ListThings"),
          Map.entry("certs list", "ListCertificates"),
          Map.entry("certs describe", "DescribeCertificates"),
          Map.entry("policy list", "ListPolicies"),
          Map.entry("shadow list", "ListNamedShadowsForThing"),
          Map.entry("local stats", "LocalStats"),
          Map.entry("local apply", "LocalApply"));

  private static final Map<String, String> NOUNS =
      Map.of(
          "things", "Thing", "certs", "Certificate", "policy", "Policy", "shadow", "ThingShadow");

  private Titles() {}

  public static String of(CommandSpec spec) {
    CommandSpec parent = spec.parent();
    if (parent == null || parent.parent() == null) {
      return capitalize(spec.name());
    }
    String operation = OPERATIONS.get(parent.name() + " " + spec.name());
    if (operation != null) {
      return operation;
    }
    return capitalize(spec.name()) + NOUNS.getOrDefault(parent.name(), capitalize(parent.name()));
  }

  private static String capitalize(String word) {
    StringBuilder out = new StringBuilder();
    for (String part : word.split("-")) {
      if (!part.isEmpty()) {
        out.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
