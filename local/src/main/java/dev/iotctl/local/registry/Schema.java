package dev.iotctl.local.registry;

import dev.iotctl.local.store.Database;
import java.util.List;

/** The registry's tables. Append steps; never edit a released one. */
final class Schema implements Database.Schema {
  private static final String V1 =
      """
      CREATE TABLE thing_types (
        name TEXT PRIMARY KEY,
        type_id TEXT NOT NULL UNIQUE,
        description TEXT,
        searchable_attributes TEXT NOT NULL,
        deprecated INTEGER NOT NULL DEFAULT 0,
        deprecated_at INTEGER,
        created_at INTEGER NOT NULL);
      CREATE TABLE things (
        name TEXT PRIMARY KEY,
        thing_id TEXT NOT NULL UNIQUE,
        type_name TEXT REFERENCES thing_types(name),
        attributes TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL);
      CREATE INDEX things_by_type ON things(type_name);
      CREATE TABLE thing_groups (
        name TEXT PRIMARY KEY,
        group_id TEXT NOT NULL UNIQUE,
        parent_name TEXT REFERENCES thing_groups(name),
        description TEXT,
        attributes TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at INTEGER NOT NULL);
      CREATE INDEX thing_groups_by_parent ON thing_groups(parent_name);
      CREATE TABLE thing_group_members (
        group_name TEXT NOT NULL REFERENCES thing_groups(name) ON DELETE CASCADE,
        thing_name TEXT NOT NULL REFERENCES things(name) ON DELETE CASCADE,
        PRIMARY KEY (group_name, thing_name));
      CREATE INDEX thing_group_members_by_thing ON thing_group_members(thing_name);
      CREATE TABLE certificates (
        id TEXT PRIMARY KEY,
        pem TEXT NOT NULL,
        status TEXT NOT NULL,
        mode TEXT NOT NULL,
        ca_certificate_id TEXT,
        owned_by TEXT NOT NULL,
        not_before INTEGER NOT NULL,
        not_after INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_modified_at INTEGER NOT NULL,
        customer_version INTEGER NOT NULL,
        generation_id TEXT NOT NULL);
      CREATE INDEX certificates_by_creation ON certificates(created_at, id);
      CREATE TABLE policies (
        name TEXT PRIMARY KEY,
        default_version INTEGER NOT NULL,
        last_version INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_modified_at INTEGER NOT NULL,
        generation_id TEXT NOT NULL);
      CREATE TABLE policy_versions (
        policy_name TEXT NOT NULL REFERENCES policies(name) ON DELETE CASCADE,
        version_id INTEGER NOT NULL,
        document TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (policy_name, version_id));
      CREATE TABLE policy_targets (
        policy_name TEXT NOT NULL REFERENCES policies(name),
        target TEXT NOT NULL,
        PRIMARY KEY (policy_name, target));
      CREATE INDEX policy_targets_by_target ON policy_targets(target);
      CREATE TABLE thing_principals (
        thing_name TEXT NOT NULL REFERENCES things(name),
        principal TEXT NOT NULL,
        principal_type TEXT NOT NULL,
        PRIMARY KEY (thing_name, principal));
      CREATE INDEX thing_principals_by_principal ON thing_principals(principal);
      CREATE TABLE shadows (
        thing_name TEXT NOT NULL,
        shadow_name TEXT NOT NULL,
        document TEXT NOT NULL,
        PRIMARY KEY (thing_name, shadow_name));
      CREATE TABLE topic_rules (
        name TEXT PRIMARY KEY,
        payload TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        created_at INTEGER NOT NULL);
      """;

  /**
   * Resources the stand-in keeps for itself (the operator identity) are flagged and stay out of
   * every customer-visible answer. The operator policy gets a name the API cannot create ({@code
   * iotctl:operator}), so the old one is dropped and recreated at start.
   */
  private static final String V2 =
      """
      ALTER TABLE certificates ADD COLUMN service_managed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE policies ADD COLUMN service_managed INTEGER NOT NULL DEFAULT 0;
      DELETE FROM policy_targets WHERE policy_name = 'iotctl-operator';
      DELETE FROM policy_versions WHERE policy_name = 'iotctl-operator';
      DELETE FROM policies WHERE name = 'iotctl-operator';
      """;

  /**
   * Tags of the taggable resources, by resource type and name (ARNs depend on the configured region
   * and account); deleting a resource deletes its tags, as on AWS.
   */
  private static final String V3 =
      """
      CREATE TABLE tags (
        resource_type TEXT NOT NULL,
        resource_name TEXT NOT NULL,
        tag_key TEXT NOT NULL,
        tag_value TEXT NOT NULL,
        PRIMARY KEY (resource_type, resource_name, tag_key));
      CREATE TRIGGER thing_group_tags AFTER DELETE ON thing_groups BEGIN
        DELETE FROM tags WHERE resource_type = 'thinggroup' AND resource_name = OLD.name; END;
      CREATE TRIGGER thing_type_tags AFTER DELETE ON thing_types BEGIN
        DELETE FROM tags WHERE resource_type = 'thingtype' AND resource_name = OLD.name; END;
      CREATE TRIGGER policy_tags AFTER DELETE ON policies BEGIN
        DELETE FROM tags WHERE resource_type = 'policy' AND resource_name = OLD.name; END;
      CREATE TRIGGER topic_rule_tags AFTER DELETE ON topic_rules BEGIN
        DELETE FROM tags WHERE resource_type = 'rule' AND resource_name = OLD.name; END;
      """;

  /** V2 logging: the account's options (one row) and the resource-specific log levels. */
  private static final String V4 =
      """
      CREATE TABLE logging_options (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        role_arn TEXT,
        default_log_level TEXT NOT NULL,
        disable_all_logs INTEGER NOT NULL);
      CREATE TABLE logging_levels (
        target_type TEXT NOT NULL,
        target_name TEXT NOT NULL,
        log_level TEXT NOT NULL,
        PRIMARY KEY (target_type, target_name));
      """;

  @Override
  public List<String> steps() {
    return List.of(V1, V2, V3, V4);
  }
}
