package dev.iotctl.core.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.iotctl.core.error.IotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Statements AWS refuses: SqlParseException (400) with the position of the offending token. */
class SqlParseErrorsTest {

  private static SqlException error(String sql) {
    return catchThrowableOfType(SqlException.class, () -> IotSql.parse(sql));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SELECT FROM 't'                        | 1 | 8  | expecting an expression
          SELECT * 't'                           | 1 | 10 | expecting FROM
          SELECT * FROM t                        | 1 | 15 | expecting a quoted topic
          SELECT * FROM 'a/#/b'                  | 1 | 15 | '#' must be the last
          SELECT * FROM 'a/b+'                   | 1 | 15 | '+' must be alone
          SELECT * FROM ''                       | 1 | 15 | must not be empty
          SELECT * FROM 't' WHERE                | 1 | 24 | expecting an expression
          SELECT * FROM 't' WHERE a = 1 extra    | 1 | 31 | extraneous input 'extra'
          SELECT (a + 1 FROM 't'                 | 1 | 15 | expecting ')' to close '(' at 1:8
          SELECT foo(1) FROM 't'                 | 1 | 8  | Unknown function: foo
          SELECT aws_lambda('arn', *) FROM 't'   | 1 | 8  | Function aws_lambda is not supported by the local stand-in
          SELECT get_dynamodb('t','k',1,'','','r') FROM 't' | 1 | 8 | Function get_dynamodb is not supported
          SELECT * FROM 't' WHERE a != 1         | 1 | 27 | writes not-equal as <>
          SELECT * FROM 't' WHERE a IS NULL      | 1 | 27 | isNull(x)
          SELECT CASE a WHEN 1 THEN 2 FROM 't'   | 1 | 29 | expecting END
          SELECT CASE a ELSE 1 END FROM 't'      | 1 | 15 | expecting WHEN
          SELECT 'abc FROM 't'                   | 1 | 20 | unterminated string
          SELECT a # b FROM 't'                  | 1 | 10 | token recognition error
          SELECT cast(a AS Blob) FROM 't'        | 1 | 18 | unsupported cast type
          SELECT VALUE a, b FROM 't'             | 1 | 17 | exactly one expression
          SELECT a AS FROM 't'                   | 1 | 13 | expecting an alias
          """)
  void reportsPosition(String sql, int line, int column, String message) {
    SqlException e = error(sql.strip());
    assertThat(e).as(sql).isNotNull();
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
    assertThat(e.column()).as(e.getMessage()).isEqualTo(column);
    assertThat(e.getMessage()).startsWith("Line " + line + ":" + column + " ").contains(message);
    assertThat(e.errorCode()).isEqualTo("SqlParseException");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e).isInstanceOf(IotException.class);
  }

  @Test
  void pipeConcatenationIsNotAwsSyntax() {
    SqlException e = error("SELECT a || b FROM 't'");
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.getMessage()).contains("concatenates with +");
  }

  @Test
  void multiLinePositions() {
    SqlException e = error("SELECT a\nFROM 'x'\nWHERE b >");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(10);
    assertThat(e.offset()).isEqualTo(27);
  }

  @Test
  void version2015LacksLiteralsNestedQueriesAndNewerFunctions() {
    for (String sql :
        new String[] {
          "SELECT {'a': 1} AS o FROM 't'",
          "SELECT [1] AS a FROM 't'",
          "SELECT (SELECT VALUE n FROM e) AS s FROM 't'",
          "SELECT encode(*, 'base64') AS d FROM 't'",
          "SELECT cast(a AS Decimal) AS d FROM 't'"
        }) {
      assertThatThrownBy(() -> IotSql.parse(sql, "2015-10-08"))
          .as(sql)
          .isInstanceOf(SqlException.class)
          .hasMessageContaining("2016-03-23");
      IotSql.parse(sql, "2016-03-23");
      IotSql.parse(sql, "beta");
    }
  }

  @Test
  void versionsOtherThanAwsOnesAreRejected() {
    assertThatThrownBy(() -> IotSql.parse("SELECT * FROM 't'", "2017-01-01"))
        .isInstanceOf(IotException.class)
        .extracting(e -> ((IotException) e).errorCode())
        .isEqualTo("InvalidRequestException");
    assertThat(IotSql.parse("SELECT * FROM 't'", null).version()).isEqualTo(SqlVersion.V2016_03_23);
  }

  @Test
  void validateAcceptsExternalFunctionsThatParseRefuses() {
    String sql =
        "SELECT aws_lambda('arn:aws:lambda:us-east-1:123456789012:function:f', *) AS r FROM 't'";
    IotSql.validate(sql, "2016-03-23");
    assertThatThrownBy(() -> IotSql.parse(sql)).isInstanceOf(SqlException.class);
    assertThatThrownBy(() -> IotSql.validate("SELECT * FROM", null))
        .isInstanceOf(SqlException.class);
  }

  @Test
  void deepNestingIsRefusedNotOverflowed() {
    String deep = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000) + " AS x FROM 't'";
    assertThat(error(deep).getMessage()).contains("nested more than");
    String longChain = "SELECT 1" + " + 1".repeat(5000) + " AS x FROM 't'";
    assertThat(error(longChain).getMessage()).contains("nested more than");
  }

  @Test
  void emptyStatement() {
    assertThat(error("  ").getMessage()).contains("empty");
  }
}
