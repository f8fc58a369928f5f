package dev.iotctl.core.sql;

import static dev.iotctl.core.sql.SqlTesting.out;
import static dev.iotctl.core.sql.SqlTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The operator tables, the Undefined rules, and Int versus Decimal arithmetic. */
class SqlOperatorsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          true AND true         | true
          true AND false        | false
          'TRUE' AND true       | true
          'yes' AND true        | <undefined>
          1 AND true            | <undefined>
          false OR 'true'       | true
          false OR false        | false
          NOT false             | true
          NOT 'False'           | true
          NOT 1                 | <undefined>
          3 > 2                 | true
          '3' > 2.5             | true
          'x' > 2               | <undefined>
          [1] > 2               | <undefined>
          2 >= 2.0              | true
          1 < 2                 | true
          2 <= 1                | false
          1 = 1.0               | true
          'a' = 'a'             | true
          '1' = 1               | false
          [1,2] = [1,2]         | true
          [1,2] = [2,1]         | false
          {'a':1,'b':2} = {'b':2,'a':1} | true
          null = null           | true
          null <> null          | false
          missing = 1           | <undefined>
          1 <> missing          | <undefined>
          1 <> 'a'              | true
          1 + 2                 | 3
          1 + 2.5               | 3.5
          'a' + 1               | "a1"
          1 + 'a'               | "1a"
          'a' + null            | <undefined>
          true + 1              | <undefined>
          5 - 2                 | 3
          '5' - 2.5             | 2.5
          'x' - 2               | <undefined>
          2 * 3                 | 6
          '2' * 1.5             | 3
          7 / 2                 | 3
          7.0 / 2               | 3
          7.5 / 2               | 3.75
          1 / 0.3               | 3.333333333333333333333333333333333
          1 / 0                 | <undefined>
          1.5 / 0               | <undefined>
          7 % 3                 | 1
          7.5 % 2               | 1.5
          5 % 0                 | <undefined>
          -(3)                  | -3
          -'2.5'                | -2.5
          2 + 3 * 4             | 14
          (2 + 3) * 4           | 20
          10.0                  | 10
          2.50 * 2              | 5
          """)
  void operatorTable(String expression, String expected) {
    assertThat(value(expression.strip())).isEqualTo(expected.strip());
  }

  @Test
  void version2015KeepsWholeDecimalsAsDecimals() {
    JsonNode v =
        IotSql.parse("SELECT VALUE 2.50 * 2 FROM 't'", "2015-10-08")
            .evaluate("{}".getBytes(StandardCharsets.UTF_8), SqlTesting.CTX)
            .orElseThrow();
    assertThat(v.isFloatingPointNumber()).isTrue();
    assertThat(v.decimalValue()).isEqualByComparingTo("5");
  }

  @Test
  void undefinedAttributesAreDroppedButNullsKept() {
    assertThat(out("SELECT foo, bar FROM 't'", "{\"foo\":null}")).isEqualTo("{\"foo\":null}");
    assertThat(
            out("SELECT a.b.c AS x, missing + 1 AS y, upper(missing) AS z FROM 't'", "{\"a\":1}"))
        .isEqualTo("{}");
  }

  @Test
  void attributesOfNonObjectsAreUndefined() {
    assertThat(value("a.b", "{\"a\":[1]}")).isEqualTo("<undefined>");
    assertThat(value("a[0]", "{\"a\":{\"0\":1}}")).isEqualTo("<undefined>");
    assertThat(value("a['1']", "{\"a\":[5,6]}")).isEqualTo("6");
  }

  @Test
  void largeIntegersStayExact() {
    assertThat(value("a + 1", "{\"a\":12345678901234567890123}"))
        .isEqualTo("12345678901234567890124");
    assertThat(value("a * a", "{\"a\":123456789012345678901234567890}")).isEqualTo("<undefined>");
  }
}
