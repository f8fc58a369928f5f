package dev.iotctl.local.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathCodecTest {

  @Test
  void encodedSlashStaysInsideItsSegment() {
    assertThat(PathCodec.segments("/topics/%24aws%2Fthings%2Ft1%2Fshadow%2Fupdate"))
        .containsExactly("topics", "$aws/things/t1/shadow/update");
    assertThat(PathCodec.segments("/attached-policies/arn%3Aaws%3Aiot%3Aus-east-1%3A1%3Acert%2Fab"))
        .containsExactly("attached-policies", "arn:aws:iot:us-east-1:1:cert/ab");
  }

  @Test
  void plusIsLiteralInPathsButSpaceInQueries() {
    assertThat(PathCodec.segments("/things/a+b")).containsExactly("things", "a+b");
    assertThat(PathCodec.query("attributeValue=a+b%2Bc&flag"))
        .containsEntry("attributeValue", List.of("a b+c"))
        .containsEntry("flag", List.of(""));
  }

  @Test
  void rootAndTrailingSlash() {
    assertThat(PathCodec.segments("/")).isEmpty();
    assertThat(PathCodec.segments("/things/")).containsExactly("things");
  }

  @Test
  void malformedEscapesAreInvalidRequests() {
    for (String bad : List.of("/things/%2", "/things/%zz", "/things/%C3%28")) {
      assertThatThrownBy(() -> PathCodec.segments(bad))
          .isInstanceOfSatisfying(
              IotException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));
    }
  }
}
