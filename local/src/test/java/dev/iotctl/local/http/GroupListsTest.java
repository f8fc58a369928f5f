package dev.iotctl.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * boto3 against the stand-in: ListThingGroups' {@code recursive} (default true) with {@code
 * parentGroup} and {@code namePrefixFilter}, paged; ListAttachedPolicies' {@code recursive}.
 */
@Tag("peers")
class GroupListsTest {
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
  void listsHonourRecursiveAsAwsDocumentsIt() {
    PeerScripts.Result result =
        PeerScripts.python(
            dir.resolve("home"), "fidelity/group_lists.py", standIn.url().toString());
    assertThat(result.output()).as(result.output()).contains("LISTS OK");
  }
}
