package dev.iotctl.core.sql;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Entry point to AWS IoT rule SQL (developer guide, "AWS IoT SQL reference"): parsing for rule
 * creation and synth-time validation, and evaluation for the local rules engine.
 */
public final class IotSql {
  private IotSql() {}

  /** Parses {@code sql} as SQL version 2016-03-23. */
  public static SqlStatement parse(String sql) {
    return parse(sql, null);
  }

  /**
   * Parses a statement for evaluation by the local stand-in.
   *
   * @param awsIotSqlVersion {@code 2015-10-08}, {@code 2016-03-23}, {@code beta}, or null for the
   *     default
   * @throws SqlException when AWS would refuse the statement, or when it calls a function that
   *     needs another AWS service ({@code aws_lambda}, {@code get_dynamodb}...), which the stand-in
   *     cannot run
   * @throws dev.iotctl.core.error.IotException {@code InvalidRequestException} for an unknown
   *     version
   */
  public static SqlStatement parse(String sql, String awsIotSqlVersion) {
    SqlVersion version = SqlVersion.of(awsIotSqlVersion);
    return new SqlStatement(sql, version, Parser.statement(checked(sql), version, false));
  }

  /**
   * Checks a statement as AWS would on {@code CreateTopicRule}, accepting functions that call other
   * AWS services: for deploy-time validation, where nothing runs locally.
   *
   * @throws SqlException when AWS would refuse the statement
   */
  public static void validate(String sql, String awsIotSqlVersion) {
    Parser.statement(checked(sql), SqlVersion.of(awsIotSqlVersion), true);
  }

  /**
   * Parses the expression of a substitution template, the text between {@code ${} and {@code }}.
   */
  public static SqlExpression parseExpression(String expression, String awsIotSqlVersion) {
    SqlVersion version = SqlVersion.of(awsIotSqlVersion);
    return new SqlExpression(Parser.expression(checked(expression), version), version);
  }

  /**
   * The bytes to publish for a result of {@link SqlStatement#evaluate}: raw bytes for a binary
   * result, an empty payload for Undefined, JSON text otherwise.
   */
  public static byte[] toBytes(JsonNode result) {
    return Payloads.toBytes(result);
  }

  private static String checked(String sql) {
    if (sql == null || sql.isBlank()) {
      throw new SqlException("statement is empty", 1, 1, 0);
    }
    return sql;
  }
}
