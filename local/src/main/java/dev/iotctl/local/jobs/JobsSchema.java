package dev.iotctl.local.jobs;

import dev.iotctl.local.store.Database;
import java.util.List;

/** The tables of {@code jobs.db}. Append steps; never edit a released one. Times in epoch ms. */
final class JobsSchema implements Database.Schema {
  private static final String V1 =
      """
      CREATE TABLE jobs (
        job_id TEXT PRIMARY KEY,
        sequence INTEGER NOT NULL,
        status TEXT NOT NULL,
        target_selection TEXT NOT NULL,
        targets TEXT NOT NULL,
        document TEXT NOT NULL,
        document_source TEXT,
        settings TEXT NOT NULL,
        template_arn TEXT,
        force_canceled INTEGER NOT NULL DEFAULT 0,
        reason_code TEXT,
        comment TEXT,
        created_at INTEGER NOT NULL,
        last_updated_at INTEGER NOT NULL,
        completed_at INTEGER,
        rollout_started_at INTEGER,
        rollout_ended INTEGER NOT NULL DEFAULT 0);
      CREATE INDEX jobs_by_sequence ON jobs(sequence);
      CREATE TABLE job_executions (
        job_id TEXT NOT NULL REFERENCES jobs(job_id) ON DELETE CASCADE,
        thing_name TEXT NOT NULL,
        execution_number INTEGER NOT NULL,
        sequence INTEGER NOT NULL,
        status TEXT NOT NULL,
        status_details TEXT NOT NULL,
        version INTEGER NOT NULL,
        queued_at INTEGER NOT NULL,
        started_at INTEGER,
        last_updated_at INTEGER NOT NULL,
        notified_at INTEGER,
        step_deadline INTEGER,
        in_progress_deadline INTEGER,
        retries_failed INTEGER NOT NULL,
        retries_timed_out INTEGER NOT NULL,
        force_canceled INTEGER NOT NULL,
        PRIMARY KEY (job_id, thing_name));
      CREATE INDEX job_executions_by_thing ON job_executions(thing_name, sequence);
      CREATE INDEX job_executions_by_job ON job_executions(job_id, status, sequence);
      CREATE INDEX job_executions_running ON job_executions(status, step_deadline, in_progress_deadline);
      CREATE TABLE job_templates (
        template_id TEXT PRIMARY KEY,
        document TEXT,
        document_source TEXT,
        settings TEXT NOT NULL,
        created_at INTEGER NOT NULL);
      CREATE TABLE jobs_meta (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL);
      """;

  @Override
  public List<String> steps() {
    return List.of(V1);
  }
}
