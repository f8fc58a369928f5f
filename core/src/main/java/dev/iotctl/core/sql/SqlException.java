package dev.iotctl.core.sql;

import dev.iotctl.core.error.IotException;

/**
 * A rule SQL statement AWS IoT would refuse: {@code SqlParseException} (HTTP 400), as {@code
 * CreateTopicRule} answers, with the position of the offending token.
 */
public final class SqlException extends IotException {
  private static final long serialVersionUID = 1L;

  /** AWS's error code for an unparsable or unsupported rule query. */
  public static final String ERROR_CODE = "SqlParseException";

  private final int line;
  private final int column;
  private final int offset;

  SqlException(String detail, int line, int column, int offset) {
    super(ERROR_CODE, 400, "Line " + line + ":" + column + " " + detail);
    this.line = line;
    this.column = column;
    this.offset = offset;
  }

  static SqlException at(String sql, int offset, String detail) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SqlException(detail, line, column, offset);
  }

  /** 1-based line of the offending token. */
  public int line() {
    return line;
  }

  /** 1-based column of the offending token. */
  public int column() {
    return column;
  }

  /** 0-based character offset of the offending token in the statement. */
  public int offset() {
    return offset;
  }
}
