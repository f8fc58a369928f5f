package dev.iotctl.cdk.fleet;

/**
 * An IoT policy whose document lives in {@code policies/<name>.json} next to the fleet file (or in
 * {@code file}).
 *
 * @param allowPermissive accept a document the linter finds overly permissive
 */
public record PolicySpec(String name, String file, Boolean allowPermissive) {
  public PolicySpec {
    Required.present(name, "name");
    file = file == null ? "policies/" + name + ".json" : file;
    allowPermissive = Boolean.TRUE.equals(allowPermissive);
  }
}
