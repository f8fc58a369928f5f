package dev.iotctl.cli.local.apply;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The hand-written templates in {@code src/test/resources/apply}, shaped like the CDK app's. */
final class Fixtures {
  private Fixtures() {}

  static Path path(String name) {
    try {
      return Path.of(Fixtures.class.getResource("/apply/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Template template(String name) {
    return TemplateReader.read(path(name));
  }
}
