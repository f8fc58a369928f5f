package dev.iotctl.local.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.jobs.ExecutionCounts;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.jobs.TargetSelection;
import dev.iotctl.local.store.Transaction;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The SQL of {@code jobs.db}: rows to records and back, inside the caller's transaction. */
final class JobStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXECUTION_COLUMNS =
      "job_id, thing_name, execution_number, sequence, status, status_details, version, queued_at,"
          + " started_at, last_updated_at, notified_at, step_deadline, in_progress_deadline,"
          + " retries_failed, retries_timed_out, force_canceled";
  private static final String PENDING =
      "notified_at IS NOT NULL AND status IN ('QUEUED', 'IN_PROGRESS')";

  private JobStore() {}

  // ---- sequence and meta ----

  static long nextSequence(Transaction tx) throws SQLException {
    long next = meta(tx, "sequence").map(Long::parseLong).orElse(0L) + 1;
    putMeta(tx, "sequence", Long.toString(next));
    return next;
  }

  static Optional<String> meta(Transaction tx, String name) throws SQLException {
    return tx.queryOne("SELECT value FROM jobs_meta WHERE name = ?", r -> r.getString(1), name);
  }

  static void putMeta(Transaction tx, String name, String value) throws SQLException {
    tx.update(
        "INSERT INTO jobs_meta (name, value) VALUES (?, ?)"
            + " ON CONFLICT(name) DO UPDATE SET value = excluded.value",
        name,
        value);
  }

  // ---- jobs ----

  static void insert(Transaction tx, Job job) throws SQLException {
    tx.update(
        "INSERT INTO jobs (job_id, sequence, status, target_selection, targets, document,"
            + " document_source, settings, template_arn, force_canceled, reason_code, comment,"
            + " created_at, last_updated_at, completed_at, rollout_started_at, rollout_ended)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        job.jobId(),
        job.sequence(),
        job.status().name(),
        job.targetSelection().name(),
        write(job.targets()),
        job.document(),
        job.documentSource().orElse(null),
        settingsJson(job.settings()),
        job.templateArn().orElse(null),
        job.forceCanceled() ? 1 : 0,
        job.reasonCode().orElse(null),
        job.comment().orElse(null),
        job.createdAt().toEpochMilli(),
        job.lastUpdatedAt().toEpochMilli(),
        millis(job.completedAt().orElse(null)),
        millis(job.rolloutStartedAt().orElse(null)),
        job.rolloutEnded() ? 1 : 0);
  }

  static void update(Transaction tx, Job job) throws SQLException {
    tx.update(
        "UPDATE jobs SET status = ?, targets = ?, settings = ?, force_canceled = ?,"
            + " reason_code = ?, comment = ?, last_updated_at = ?, completed_at = ?,"
            + " rollout_started_at = ?, rollout_ended = ? WHERE job_id = ?",
        job.status().name(),
        write(job.targets()),
        settingsJson(job.settings()),
        job.forceCanceled() ? 1 : 0,
        job.reasonCode().orElse(null),
        job.comment().orElse(null),
        job.lastUpdatedAt().toEpochMilli(),
        millis(job.completedAt().orElse(null)),
        millis(job.rolloutStartedAt().orElse(null)),
        job.rolloutEnded() ? 1 : 0,
        job.jobId());
  }

  static Optional<Job> job(Transaction tx, String jobId) throws SQLException {
    return tx.queryOne("SELECT * FROM jobs WHERE job_id = ?", JobStore::job, jobId);
  }

  static void deleteJob(Transaction tx, String jobId) throws SQLException {
    tx.update("DELETE FROM job_executions WHERE job_id = ?", jobId);
    tx.update("DELETE FROM jobs WHERE job_id = ?", jobId);
  }

  /** Jobs in creation order after {@code afterSequence}. */
  static List<Job> jobs(
      Transaction tx,
      Optional<JobStatus> status,
      Optional<TargetSelection> selection,
      long afterSequence,
      int limit)
      throws SQLException {
    return tx.query(
        "SELECT * FROM jobs WHERE sequence > ? AND (? IS NULL OR status = ?)"
            + " AND (? IS NULL OR target_selection = ?) ORDER BY sequence LIMIT ?",
        JobStore::job,
        afterSequence,
        status.map(Enum::name).orElse(null),
        status.map(Enum::name).orElse(null),
        selection.map(Enum::name).orElse(null),
        selection.map(Enum::name).orElse(null),
        limit);
  }

  static List<Job> jobsIn(Transaction tx, JobStatus... statuses) throws SQLException {
    String in = String.join(",", java.util.Collections.nCopies(statuses.length, "?"));
    return tx.query(
        "SELECT * FROM jobs WHERE status IN (" + in + ") ORDER BY sequence",
        JobStore::job,
        java.util.Arrays.stream(statuses).map(Enum::name).toArray());
  }

  private static Job job(ResultSet r) throws SQLException {
    return new Job(
        r.getString("job_id"),
        r.getLong("sequence"),
        JobStatus.valueOf(r.getString("status")),
        TargetSelection.valueOf(r.getString("target_selection")),
        read(r.getString("targets"), new TypeReference<List<String>>() {}),
        r.getString("document"),
        Optional.ofNullable(r.getString("document_source")),
        settings(r.getString("settings")),
        Optional.ofNullable(r.getString("template_arn")),
        r.getInt("force_canceled") != 0,
        Optional.ofNullable(r.getString("reason_code")),
        Optional.ofNullable(r.getString("comment")),
        Instant.ofEpochMilli(r.getLong("created_at")),
        Instant.ofEpochMilli(r.getLong("last_updated_at")),
        Optional.ofNullable(instant(r, "completed_at")),
        Optional.ofNullable(instant(r, "rollout_started_at")),
        r.getInt("rollout_ended") != 0);
  }

  // ---- executions ----

  static void insert(Transaction tx, JobExecution e) throws SQLException {
    tx.update(
        "INSERT INTO job_executions ("
            + EXECUTION_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        executionValues(e));
  }

  static void update(Transaction tx, JobExecution e) throws SQLException {
    tx.update(
        "UPDATE job_executions SET execution_number = ?, sequence = ?, status = ?,"
            + " status_details = ?, version = ?, queued_at = ?, started_at = ?,"
            + " last_updated_at = ?, notified_at = ?, step_deadline = ?, in_progress_deadline = ?,"
            + " retries_failed = ?, retries_timed_out = ?, force_canceled = ?"
            + " WHERE job_id = ? AND thing_name = ?",
        e.executionNumber(),
        e.sequence(),
        e.status().name(),
        write(e.statusDetails()),
        e.versionNumber(),
        e.queuedAt().toEpochMilli(),
        millis(e.startedAt()),
        e.lastUpdatedAt().toEpochMilli(),
        millis(e.notifiedAt()),
        millis(e.stepDeadline()),
        millis(e.inProgressDeadline()),
        e.retriesAfterFailed(),
        e.retriesAfterTimeout(),
        e.forceCanceled() ? 1 : 0,
        e.jobId(),
        e.thingName());
  }

  static Optional<JobExecution> execution(Transaction tx, String jobId, String thing)
      throws SQLException {
    return tx.queryOne(
        "SELECT " + EXECUTION_COLUMNS + " FROM job_executions WHERE job_id = ? AND thing_name = ?",
        JobStore::execution,
        jobId,
        thing);
  }

  static void deleteExecution(Transaction tx, String jobId, String thing) throws SQLException {
    tx.update("DELETE FROM job_executions WHERE job_id = ? AND thing_name = ?", jobId, thing);
  }

  /** The thing's released, unfinished executions: IN_PROGRESS first, then oldest first. */
  static List<JobExecution> pending(Transaction tx, String thing) throws SQLException {
    return tx.query(
        "SELECT "
            + EXECUTION_COLUMNS
            + " FROM job_executions WHERE thing_name = ? AND "
            + PENDING
            + " ORDER BY CASE status WHEN 'IN_PROGRESS' THEN 0 ELSE 1 END, sequence",
        JobStore::execution,
        thing);
  }

  /** A job's executions in thing-name order after {@code afterThing}. */
  static List<JobExecution> executionsOfJob(
      Transaction tx, String jobId, Optional<ExecutionStatus> status, String afterThing, int limit)
      throws SQLException {
    return tx.query(
        "SELECT "
            + EXECUTION_COLUMNS
            + " FROM job_executions WHERE job_id = ? AND thing_name > ?"
            + " AND (? IS NULL OR status = ?) ORDER BY thing_name LIMIT ?",
        JobStore::execution,
        jobId,
        afterThing,
        status.map(Enum::name).orElse(null),
        status.map(Enum::name).orElse(null),
        limit);
  }

  /** A thing's executions in creation order after {@code afterSequence}. */
  static List<JobExecution> executionsOfThing(
      Transaction tx,
      String thing,
      Optional<ExecutionStatus> status,
      Optional<String> jobId,
      long afterSequence,
      int limit)
      throws SQLException {
    return tx.query(
        "SELECT "
            + EXECUTION_COLUMNS
            + " FROM job_executions WHERE thing_name = ? AND sequence > ?"
            + " AND (? IS NULL OR status = ?) AND (? IS NULL OR job_id = ?)"
            + " ORDER BY sequence LIMIT ?",
        JobStore::execution,
        thing,
        afterSequence,
        status.map(Enum::name).orElse(null),
        status.map(Enum::name).orElse(null),
        jobId.orElse(null),
        jobId.orElse(null),
        limit);
  }

  static List<JobExecution> unfinishedOfThing(Transaction tx, String thing) throws SQLException {
    return tx.query(
        "SELECT "
            + EXECUTION_COLUMNS
            + " FROM job_executions WHERE thing_name = ? AND status IN ('QUEUED', 'IN_PROGRESS')",
        JobStore::execution,
        thing);
  }

  static List<JobExecution> unfinishedOfJob(Transaction tx, String jobId) throws SQLException {
    return tx.query(
        "SELECT "
            + EXECUTION_COLUMNS
            + " FROM job_executions WHERE job_id = ? AND status IN ('QUEUED', 'IN_PROGRESS')"
            + " ORDER BY sequence",
        JobStore::execution,
        jobId);
  }

  /** QUEUED executions the rollout has not released yet, oldest first. */
  static List<JobExecution> unreleased(Transaction tx, String jobId, long limit)
      throws SQLException {
    return tx.query(
        "SELECT "
            + EXECUTION_COLUMNS
            + " FROM job_executions WHERE job_id = ? AND status = 'QUEUED'"
            + " AND notified_at IS NULL ORDER BY sequence LIMIT ?",
        JobStore::execution,
        jobId,
        limit);
  }

  static long countUnreleased(Transaction tx, String jobId) throws SQLException {
    return tx.queryOne(
            "SELECT COUNT(*) FROM job_executions WHERE job_id = ? AND status = 'QUEUED'"
                + " AND notified_at IS NULL",
            r -> r.getLong(1),
            jobId)
        .orElse(0L);
  }

  /** Executions of the job released at or after {@code since} (epoch ms). */
  static long countReleasedSince(Transaction tx, String jobId, Instant since) throws SQLException {
    return tx.queryOne(
            "SELECT COUNT(*) FROM job_executions WHERE job_id = ? AND notified_at >= ?",
            r -> r.getLong(1),
            jobId,
            since.toEpochMilli())
        .orElse(0L);
  }

  static long countReleased(Transaction tx, String jobId) throws SQLException {
    return tx.queryOne(
            "SELECT COUNT(*) FROM job_executions WHERE job_id = ? AND notified_at IS NOT NULL",
            r -> r.getLong(1),
            jobId)
        .orElse(0L);
  }

  static ExecutionCounts counts(Transaction tx, String jobId) throws SQLException {
    Map<ExecutionStatus, Long> counts = new EnumMap<>(ExecutionStatus.class);
    tx.query(
        "SELECT status, COUNT(*) FROM job_executions WHERE job_id = ? GROUP BY status",
        r -> counts.put(ExecutionStatus.valueOf(r.getString(1)), r.getLong(2)),
        jobId);
    return new ExecutionCounts(counts);
  }

  /** IN_PROGRESS executions whose step or in-progress timer expired at {@code now}. */
  static List<JobExecution> overdue(Transaction tx, Instant now) throws SQLException {
    long at = now.toEpochMilli();
    return tx.query(
        "SELECT "
            + EXECUTION_COLUMNS
            + " FROM job_executions WHERE status = 'IN_PROGRESS'"
            + " AND (step_deadline <= ? OR in_progress_deadline <= ?) ORDER BY sequence",
        JobStore::execution,
        at,
        at);
  }

  private static Object[] executionValues(JobExecution e) {
    return new Object[] {
      e.jobId(),
      e.thingName(),
      e.executionNumber(),
      e.sequence(),
      e.status().name(),
      write(e.statusDetails()),
      e.versionNumber(),
      e.queuedAt().toEpochMilli(),
      millis(e.startedAt()),
      e.lastUpdatedAt().toEpochMilli(),
      millis(e.notifiedAt()),
      millis(e.stepDeadline()),
      millis(e.inProgressDeadline()),
      e.retriesAfterFailed(),
      e.retriesAfterTimeout(),
      e.forceCanceled() ? 1 : 0
    };
  }

  private static JobExecution execution(ResultSet r) throws SQLException {
    return new JobExecution(
        r.getString("job_id"),
        r.getString("thing_name"),
        r.getLong("execution_number"),
        r.getLong("sequence"),
        ExecutionStatus.valueOf(r.getString("status")),
        read(r.getString("status_details"), new TypeReference<TreeMap<String, String>>() {}),
        r.getLong("version"),
        Instant.ofEpochMilli(r.getLong("queued_at")),
        instant(r, "started_at"),
        Instant.ofEpochMilli(r.getLong("last_updated_at")),
        instant(r, "notified_at"),
        instant(r, "step_deadline"),
        instant(r, "in_progress_deadline"),
        r.getInt("retries_failed"),
        r.getInt("retries_timed_out"),
        r.getInt("force_canceled") != 0);
  }

  // ---- templates ----

  static void insert(Transaction tx, JobTemplate t) throws SQLException {
    tx.update(
        "INSERT INTO job_templates (template_id, document, document_source, settings, created_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        t.templateId(),
        t.document().orElse(null),
        t.documentSource().orElse(null),
        settingsJson(t.settings()),
        t.createdAt().toEpochMilli());
  }

  static Optional<JobTemplate> template(Transaction tx, String id) throws SQLException {
    return tx.queryOne("SELECT * FROM job_templates WHERE template_id = ?", JobStore::template, id);
  }

  static List<JobTemplate> templates(Transaction tx, String afterId, int limit)
      throws SQLException {
    return tx.query(
        "SELECT * FROM job_templates WHERE template_id > ? ORDER BY template_id LIMIT ?",
        JobStore::template,
        afterId,
        limit);
  }

  static int deleteTemplate(Transaction tx, String id) throws SQLException {
    return tx.update("DELETE FROM job_templates WHERE template_id = ?", id);
  }

  private static JobTemplate template(ResultSet r) throws SQLException {
    return new JobTemplate(
        r.getString("template_id"),
        Optional.ofNullable(r.getString("document")),
        Optional.ofNullable(r.getString("document_source")),
        settings(r.getString("settings")),
        Instant.ofEpochMilli(r.getLong("created_at")));
  }

  // ---- encoding ----

  private static String settingsJson(JobSettings settings) {
    return settings.writeTo(JSON.createObjectNode()).toString();
  }

  private static JobSettings settings(String json) {
    return JobSettings.parse(read(json, new TypeReference<ObjectNode>() {}));
  }

  private static Long millis(Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  private static Instant instant(ResultSet r, String column) throws SQLException {
    long value = r.getLong(column);
    return r.wasNull() ? null : Instant.ofEpochMilli(value);
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T read(String json, TypeReference<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
