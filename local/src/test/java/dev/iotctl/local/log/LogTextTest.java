package dev.iotctl.local.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
  @Test
  void lineBreaksAndControlCharactersAreEscaped() {
    assertThat(LogText.escape("a\nb\rc\td\u0000e\u001b[2Jf\u007fg\u0085h\u2028i\\j"))
        .isEqualTo("a\\nb\\rc\\td\\x00e\\x1b[2Jf\\x7fg\\x85h\\u2028i\\\\j");
  }

  @Test
  void printableTextIsKeptAndLongTextCut() {
    assertThat(LogText.escape("caf\u00e9 /topics/a%2Fb")).isEqualTo("caf\u00e9 /topics/a%2Fb");
    assertThat(LogText.escape("x".repeat(250))).isEqualTo("x".repeat(200) + "…(50 more)");
    assertThat(LogText.escape(null)).isEqualTo("null");
  }
}
