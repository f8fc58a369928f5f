package dev.iotctl.local.provisioning;

import dev.iotctl.local.store.Database;
import java.util.List;

/**
 * The tables of {@code DIR/provisioning.db}: CA certificates, the account's registration code,
 * provisioning templates with their versions, and bulk registration tasks. Append steps; never edit
 * a released one.
 */
final class ProvisioningSchema implements Database.Schema {
  private static final String V1 =
      """
      CREATE TABLE registration_code (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        code TEXT NOT NULL);
      CREATE TABLE ca_certificates (
        id TEXT PRIMARY KEY,
        pem TEXT NOT NULL,
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        auto_registration TEXT NOT NULL,
        mode TEXT NOT NULL,
        template_body TEXT,
        template_name TEXT,
        role_arn TEXT,
        not_before INTEGER NOT NULL,
        not_after INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_modified_at INTEGER NOT NULL,
        customer_version INTEGER NOT NULL,
        generation_id TEXT NOT NULL);
      CREATE INDEX ca_certificates_by_subject ON ca_certificates(subject);
      CREATE INDEX ca_certificates_by_creation ON ca_certificates(created_at, id);
      CREATE TABLE provisioning_templates (
        name TEXT PRIMARY KEY,
        template_id TEXT NOT NULL,
        description TEXT,
        enabled INTEGER NOT NULL,
        role_arn TEXT NOT NULL,
        hook_target_arn TEXT,
        hook_payload_version TEXT,
        type TEXT NOT NULL,
        default_version INTEGER NOT NULL,
        last_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_modified_at INTEGER NOT NULL);
      CREATE TABLE provisioning_template_versions (
        template_name TEXT NOT NULL REFERENCES provisioning_templates(name) ON DELETE CASCADE,
        version_id INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (template_name, version_id));
      CREATE TABLE registration_tasks (
        task_id TEXT PRIMARY KEY,
        template_body TEXT NOT NULL,
        input_bucket TEXT NOT NULL,
        input_key TEXT NOT NULL,
        role_arn TEXT NOT NULL,
        status TEXT NOT NULL,
        message TEXT,
        success_count INTEGER NOT NULL,
        failure_count INTEGER NOT NULL,
        percentage INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_modified_at INTEGER NOT NULL);
      CREATE INDEX registration_tasks_by_creation ON registration_tasks(created_at, task_id);
      """;

  @Override
  public List<String> steps() {
    return List.of(V1);
  }
}
