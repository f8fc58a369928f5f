package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3's iot-data client against the stand-in: an empty object inside {@code desired} or {@code
 * reported} is a stored value that shows in the delta, and {@code {"state": null}} is accepted with
 * AWS's {@code {"timestamp": …}} metadata.
 */
@Tag("peers")
class ShadowEmptyObjectsTest {
  @TempDir Path dir;
  private StandIn standIn;

  @BeforeEach
  void start() {
    PeerScripts.assumeBoto3();
    standIn = new StandIn(dir.resolve("data"), HttpApiConfig.defaults());
  }

  @AfterEach
  void stop() {
    if (standIn != null) {
      standIn.close();
    }
  }

  @Test
  void emptyObjectsAreKeptAndStateNullIsStamped() {
    PeerScripts.Result result =
        PeerScripts.python(
            dir.resolve("home"), "fidelity/shadow_empty_objects.py", standIn.url().toString());
    assertThat(result.output()).as(result.output()).contains("SHADOW OK");
  }
}
