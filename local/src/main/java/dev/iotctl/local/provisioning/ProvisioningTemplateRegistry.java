package dev.iotctl.local.provisioning;

import dev.iotctl.core.provisioning.ProvisioningTemplate;
import dev.iotctl.local.provisioning.ProvisioningTemplateSummary.Hook;
import dev.iotctl.local.provisioning.ProvisioningTemplateSummary.Version;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * CreateProvisioningTemplate, DescribeProvisioningTemplate, ListProvisioningTemplates,
 * UpdateProvisioningTemplate, DeleteProvisioningTemplate and the template versions.
 */
public final class ProvisioningTemplateRegistry {
  /** AWS: "You can have up to 5 versions of a fleet provisioning template." */
  static final int MAX_VERSIONS = 5;

  static final String FLEET_PROVISIONING = "FLEET_PROVISIONING";
  static final String JITP = "JITP";

  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z_-]{1,36}");
  private static final int MAX_DESCRIPTION = 500;

  private final ProvisioningStore store;

  ProvisioningTemplateRegistry(ProvisioningStore store) {
    this.store = store;
  }

  /** What CreateProvisioningTemplate takes. */
  public record NewTemplate(
      String name,
      Optional<String> description,
      String body,
      boolean enabled,
      String provisioningRoleArn,
      Optional<Hook> preProvisioningHook,
      Optional<String> type) {}

  /** What UpdateProvisioningTemplate changes (absent members stay as they are). */
  public record TemplateUpdate(
      Optional<String> description,
      Optional<Boolean> enabled,
      Optional<Integer> defaultVersionId,
      Optional<String> provisioningRoleArn,
      Optional<Hook> preProvisioningHook,
      boolean removePreProvisioningHook) {}

  /** CreateProvisioningTemplate: version 1 becomes the default. */
  public ProvisioningTemplateSummary create(NewTemplate t) {
    validateName(t.name());
    t.description().ifPresent(ProvisioningTemplateRegistry::validateDescription);
    ProvisioningTemplate.parse(t.body());
    RoleArns.validate(t.provisioningRoleArn(), "provisioningRoleArn");
    String type = t.type().orElse(FLEET_PROVISIONING);
    if (!type.equals(FLEET_PROVISIONING) && !type.equals(JITP)) {
      throw ProvisioningErrors.invalid("type must be FLEET_PROVISIONING or JITP.");
    }
    if (type.equals(JITP) && t.preProvisioningHook().isPresent()) {
      throw ProvisioningErrors.invalid(
          "A pre-provisioning hook can be used only with a FLEET_PROVISIONING template.");
    }
    t.preProvisioningHook().ifPresent(ProvisioningTemplateRegistry::validateHook);
    return store
        .db()
        .write(
            tx -> {
              if (find(tx, t.name()).isPresent()) {
                throw ProvisioningErrors.alreadyExists("Template " + t.name() + " already exists.");
              }
              long now = store.now();
              tx.update(
                  "INSERT INTO provisioning_templates (name, template_id, description, enabled,"
                      + " role_arn, hook_target_arn, hook_payload_version, type, default_version,"
                      + " last_version, created_at, last_modified_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)",
                  t.name(),
                  UUID.randomUUID().toString(),
                  t.description().orElse(null),
                  t.enabled() ? 1 : 0,
                  t.provisioningRoleArn(),
                  t.preProvisioningHook().map(Hook::targetArn).orElse(null),
                  t.preProvisioningHook().map(Hook::payloadVersion).orElse(null),
                  type,
                  now,
                  now);
              tx.update(
                  "INSERT INTO provisioning_template_versions (template_name, version_id, body,"
                      + " created_at) VALUES (?, 1, ?, ?)",
                  t.name(),
                  t.body(),
                  now);
              return require(tx, t.name());
            });
  }

  /** The template with its default version's body, or ResourceNotFoundException. */
  public ProvisioningTemplateSummary describe(String name) {
    validateName(name);
    return store.db().read(tx -> require(tx, name));
  }

  /** The template if it exists. */
  public Optional<ProvisioningTemplateSummary> find(String name) {
    return store.db().read(tx -> find(tx, name));
  }

  /** Templates in name order. */
  public Page<ProvisioningTemplateSummary> list(Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    List<ProvisioningTemplateSummary> rows =
        store
            .db()
            .read(
                tx ->
                    tx.query(
                        SELECT + " WHERE t.name > ? ORDER BY t.name LIMIT ?",
                        this::map,
                        after,
                        limit + 1));
    return Pages.page(rows, limit, ProvisioningTemplateSummary::name);
  }

  /** UpdateProvisioningTemplate. */
  public void update(String name, TemplateUpdate u) {
    validateName(name);
    u.description().ifPresent(ProvisioningTemplateRegistry::validateDescription);
    u.provisioningRoleArn().ifPresent(arn -> RoleArns.validate(arn, "provisioningRoleArn"));
    u.preProvisioningHook().ifPresent(ProvisioningTemplateRegistry::validateHook);
    if (u.removePreProvisioningHook() && u.preProvisioningHook().isPresent()) {
      throw ProvisioningErrors.invalid(
          "preProvisioningHook and removePreProvisioningHook cannot both be given.");
    }
    store
        .db()
        .write(
            tx -> {
              ProvisioningTemplateSummary current = require(tx, name);
              if (u.preProvisioningHook().isPresent() && current.type().equals(JITP)) {
                throw ProvisioningErrors.invalid(
                    "A pre-provisioning hook can be used only with a FLEET_PROVISIONING"
                        + " template.");
              }
              if (u.defaultVersionId().isPresent()
                  && !versionExists(tx, name, u.defaultVersionId().get())) {
                throw ProvisioningErrors.notFound(
                    "Version "
                        + u.defaultVersionId().get()
                        + " of template "
                        + name
                        + " does not exist.");
              }
              Optional<Hook> hook =
                  u.removePreProvisioningHook()
                      ? Optional.empty()
                      : u.preProvisioningHook().or(current::preProvisioningHook);
              tx.update(
                  "UPDATE provisioning_templates SET description = ?, enabled = ?, role_arn = ?,"
                      + " hook_target_arn = ?, hook_payload_version = ?, default_version = ?,"
                      + " last_modified_at = ? WHERE name = ?",
                  u.description().or(current::description).orElse(null),
                  u.enabled().orElse(current.enabled()) ? 1 : 0,
                  u.provisioningRoleArn().orElse(current.provisioningRoleArn()),
                  hook.map(Hook::targetArn).orElse(null),
                  hook.map(Hook::payloadVersion).orElse(null),
                  u.defaultVersionId().orElse(current.defaultVersionId()),
                  store.now(),
                  name);
              return null;
            });
  }

  /**
   * DeleteProvisioningTemplate.
   *
   * @param inUse tells whether a CA certificate's registration config names the template
   */
  public void delete(String name, java.util.function.Predicate<String> inUse) {
    validateName(name);
    store
        .db()
        .write(
            tx -> {
              require(tx, name);
              if (inUse.test(name)) {
                throw ProvisioningErrors.deleteConflict(
                    "Template " + name + " is used by a CA certificate's registration config.");
              }
              tx.update("DELETE FROM provisioning_templates WHERE name = ?", name);
              return null;
            });
  }

  /** CreateProvisioningTemplateVersion. */
  public Version createVersion(String name, String body, boolean setAsDefault) {
    validateName(name);
    ProvisioningTemplate.parse(body);
    return store
        .db()
        .write(
            tx -> {
              require(tx, name);
              int count =
                  tx.queryOne(
                          "SELECT COUNT(*) FROM provisioning_template_versions"
                              + " WHERE template_name = ?",
                          row -> row.getInt(1),
                          name)
                      .orElse(0);
              if (count >= MAX_VERSIONS) {
                throw ProvisioningErrors.versionsLimit(
                    "The template " + name + " already has " + MAX_VERSIONS + " versions.");
              }
              int version =
                  tx.queryOne(
                              "SELECT last_version FROM provisioning_templates WHERE name = ?",
                              row -> row.getInt(1),
                              name)
                          .orElseThrow()
                      + 1;
              long now = store.now();
              tx.update(
                  "INSERT INTO provisioning_template_versions (template_name, version_id, body,"
                      + " created_at) VALUES (?, ?, ?, ?)",
                  name,
                  version,
                  body,
                  now);
              tx.update(
                  "UPDATE provisioning_templates SET last_version = ?, last_modified_at = ?"
                      + (setAsDefault ? ", default_version = ?" : "")
                      + " WHERE name = ?",
                  setAsDefault
                      ? new Object[] {version, now, version, name}
                      : new Object[] {version, now, name});
              return new Version(version, body, Instant.ofEpochMilli(now), setAsDefault);
            });
  }

  /** DescribeProvisioningTemplateVersion. */
  public Version describeVersion(String name, int versionId) {
    validateName(name);
    return store
        .db()
        .read(
            tx -> {
              ProvisioningTemplateSummary template = require(tx, name);
              return tx.queryOne(
                      "SELECT * FROM provisioning_template_versions WHERE template_name = ?"
                          + " AND version_id = ?",
                      row -> version(row, template.defaultVersionId()),
                      name,
                      versionId)
                  .orElseThrow(
                      () ->
                          ProvisioningErrors.notFound(
                              "Version "
                                  + versionId
                                  + " of template "
                                  + name
                                  + " does not exist."));
            });
  }

  /** ListProvisioningTemplateVersions, by version id. */
  public Page<Version> listVersions(String name, Integer maxResults, String nextToken) {
    validateName(name);
    int limit = Pages.limit(maxResults, 25, 250);
    String after = Pages.keyAfter(nextToken);
    int afterVersion;
    try {
      afterVersion = after.isEmpty() ? 0 : Integer.parseInt(after);
    } catch (NumberFormatException e) {
      throw ProvisioningErrors.invalid("The nextToken is not valid.");
    }
    List<Version> rows =
        store
            .db()
            .read(
                tx -> {
                  ProvisioningTemplateSummary template = require(tx, name);
                  return tx.query(
                      "SELECT * FROM provisioning_template_versions WHERE template_name = ?"
                          + " AND version_id > ? ORDER BY version_id LIMIT ?",
                      row -> version(row, template.defaultVersionId()),
                      name,
                      afterVersion,
                      limit + 1);
                });
    return Pages.page(rows, limit, v -> Integer.toString(v.versionId()));
  }

  /** DeleteProvisioningTemplateVersion: the default version cannot be deleted. */
  public void deleteVersion(String name, int versionId) {
    validateName(name);
    store
        .db()
        .write(
            tx -> {
              ProvisioningTemplateSummary template = require(tx, name);
              if (!versionExists(tx, name, versionId)) {
                throw ProvisioningErrors.notFound(
                    "Version " + versionId + " of template " + name + " does not exist.");
              }
              if (template.defaultVersionId() == versionId) {
                throw ProvisioningErrors.deleteConflict(
                    "The default version of a provisioning template cannot be deleted.");
              }
              tx.update(
                  "DELETE FROM provisioning_template_versions WHERE template_name = ?"
                      + " AND version_id = ?",
                  name,
                  versionId);
              return null;
            });
  }

  String arn(String name) {
    return store.account().arn("provisioningtemplate", name);
  }

  private static final String SELECT =
      "SELECT t.*, v.body FROM provisioning_templates t JOIN provisioning_template_versions v"
          + " ON v.template_name = t.name AND v.version_id = t.default_version";

  private ProvisioningTemplateSummary require(Transaction tx, String name) throws SQLException {
    return find(tx, name)
        .orElseThrow(() -> ProvisioningErrors.notFound("Template " + name + " does not exist."));
  }

  private Optional<ProvisioningTemplateSummary> find(Transaction tx, String name)
      throws SQLException {
    return tx.queryOne(SELECT + " WHERE t.name = ?", this::map, name);
  }

  private static boolean versionExists(Transaction tx, String name, int versionId)
      throws SQLException {
    return tx.exists(
        "SELECT 1 FROM provisioning_template_versions WHERE template_name = ? AND version_id = ?",
        name,
        versionId);
  }

  private ProvisioningTemplateSummary map(ResultSet row) throws SQLException {
    String name = row.getString("name");
    String hookTarget = row.getString("hook_target_arn");
    return new ProvisioningTemplateSummary(
        name,
        arn(name),
        Optional.ofNullable(row.getString("description")),
        row.getInt("enabled") == 1,
        row.getString("role_arn"),
        hookTarget == null
            ? Optional.empty()
            : Optional.of(new Hook(hookTarget, row.getString("hook_payload_version"))),
        row.getString("type"),
        row.getInt("default_version"),
        row.getString("body"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("last_modified_at")));
  }

  private static Version version(ResultSet row, int defaultVersion) throws SQLException {
    int id = row.getInt("version_id");
    return new Version(
        id,
        row.getString("body"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        id == defaultVersion);
  }

  static void validateName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw ProvisioningErrors.invalid(
          "1 validation error detected: Value at 'templateName' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: ^[0-9A-Za-z_-]+$");
    }
  }

  private static void validateDescription(String description) {
    if (description.length() > MAX_DESCRIPTION
        || description.codePoints().anyMatch(Character::isISOControl)) {
      throw ProvisioningErrors.invalid(
          "The description must be at most " + MAX_DESCRIPTION + " printable characters.");
    }
  }

  private static void validateHook(Hook hook) {
    if (hook.targetArn() == null
        || hook.targetArn().isEmpty()
        || hook.targetArn().length() > 2048) {
      throw ProvisioningErrors.invalid("preProvisioningHook.targetArn is required.");
    }
    if (hook.payloadVersion() != null && !hook.payloadVersion().matches("[0-9-]{10,32}")) {
      throw ProvisioningErrors.invalid("preProvisioningHook.payloadVersion is not valid.");
    }
  }
}
