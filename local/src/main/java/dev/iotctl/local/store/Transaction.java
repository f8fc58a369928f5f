package dev.iotctl.local.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An open transaction: small helpers over JDBC prepared statements, and after-commit actions. */
public final class Transaction {
  private final Connection connection;
  private final List<Runnable> afterCommit;

  Transaction(Connection connection, List<Runnable> afterCommit) {
    this.connection = connection;
    this.afterCommit = afterCommit;
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows changed. */
  public int update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters)) {
      return statement.executeUpdate();
    }
  }

  /** Every row of the query, mapped. */
  public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  /** The first row of the query, mapped; empty when there is none or its first column is null. */
  public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters)
      throws SQLException {
    try (PreparedStatement statement = prepare(sql, parameters);
        ResultSet rows = statement.executeQuery()) {
      if (!rows.next()) {
        return Optional.empty();
      }
      rows.getObject(1);
      return rows.wasNull() ? Optional.empty() : Optional.ofNullable(mapper.map(rows));
    }
  }

  /** Whether the query returns at least one row. */
  public boolean exists(String sql, Object... parameters) throws SQLException {
    return queryOne(sql, rs -> Boolean.TRUE, parameters).isPresent();
  }

  /**
   * Runs {@code action} after this transaction commits (never if it rolls back). Only write
   * transactions have after-commit actions.
   */
  public void afterCommit(Runnable action) {
    if (afterCommit == null) {
      throw new IllegalStateException("a read transaction has no after-commit actions");
    }
    afterCommit.add(action);
  }

  boolean writable() {
    return afterCommit != null;
  }

  int afterCommitCount() {
    return afterCommit.size();
  }

  /** Forgets the actions registered after the first {@code count} (a rolled-back savepoint's). */
  void truncateAfterCommit(int count) {
    afterCommit.subList(count, afterCommit.size()).clear();
  }

  Connection connection() {
    return connection;
  }

  private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement;
    } catch (SQLException e) {
      statement.close();
      throw e;
    }
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }
}
