package dev.iotctl.local.registry;

import dev.iotctl.core.topic.IotNames;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Policies and their versions (CreatePolicy, GetPolicy, DeletePolicy, ListPolicies,
 * CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion,
 * SetDefaultPolicyVersion) and their attachment to targets (AttachPolicy, DetachPolicy,
 * ListAttachedPolicies, ListTargetsForPolicy).
 */
public final class PolicyRegistry {
  /** AWS keeps at most five versions of a policy. */
  static final int MAX_VERSIONS = 5;

  /** AWS attaches at most ten policies to one certificate or thing group. */
  static final int MAX_POLICIES_PER_TARGET = 10;

  private final Context context;
  private final PolicyDocumentValidator validator;

  PolicyRegistry(Context context, PolicyDocumentValidator validator) {
    this.context = context;
    this.validator = validator;
  }

  /** Creates a policy whose version 1 is the default. */
  public Policy create(String name, String document) {
    IotNames.POLICY_NAME.validate(name);
    validator.validate(document);
    return context
        .db()
        .write(
            tx -> {
              if (exists(tx, name)) {
                throw Errors.alreadyExists(
                    "Policy cannot be created - name already exists (name=" + name + ")");
              }
              long now = context.now();
              tx.update(
                  "INSERT INTO policies (name, default_version, last_version, created_at,"
                      + " last_modified_at, generation_id) VALUES (?, 1, 1, ?, ?, ?)",
                  name,
                  now,
                  now,
                  UUID.randomUUID().toString());
              tx.update(
                  "INSERT INTO policy_versions (policy_name, version_id, document, created_at)"
                      + " VALUES (?, 1, ?, ?)",
                  name,
                  document,
                  now);
              return require(tx, name);
            });
  }

  /** The policy with its default version's document, or ResourceNotFoundException. */
  public Policy get(String name) {
    return context.db().read(tx -> require(tx, name));
  }

  /** Policies in name order. */
  public Page<Policy> list(Integer pageSize, String marker) {
    int limit = Pages.limit(pageSize, 25, 250);
    String after = Pages.keyAfter(marker);
    List<Policy> rows =
        context
            .db()
            .read(
                tx -> {
                  List<Policy> result = new ArrayList<>();
                  for (String name :
                      tx.query(
                          "SELECT name FROM policies WHERE service_managed = 0 AND name > ?"
                              + " ORDER BY name LIMIT ?",
                          row -> row.getString(1),
                          after,
                          limit + 1)) {
                    result.add(require(tx, name));
                  }
                  return result;
                });
    return Pages.page(rows, limit, Policy::name);
  }

  /**
   * DeletePolicy: refused while the policy is attached to any target or has versions besides the
   * default.
   */
  public void delete(String name) {
    context
        .db()
        .write(
            tx -> {
              require(tx, name);
              if (tx.exists("SELECT 1 FROM policy_targets WHERE policy_name = ?", name)) {
                throw Errors.deleteConflict(
                    "The policy cannot be deleted as the policy is attached to one or more"
                        + " principals (name="
                        + name
                        + ")");
              }
              if (tx.queryOne(
                          "SELECT COUNT(*) FROM policy_versions WHERE policy_name = ?",
                          row -> row.getInt(1),
                          name)
                      .orElse(0)
                  > 1) {
                throw Errors.deleteConflict(
                    "Cannot delete the policy because it has one or more policy versions attached"
                        + " to it (name="
                        + name
                        + ")");
              }
              tx.update("DELETE FROM policies WHERE name = ?", name);
              tx.afterCommit(() -> context.listeners().fire(l -> l.policyVersionChanged(name)));
              return null;
            });
  }

  /**
   * CreatePolicyVersion: version ids count up and are never reused.
   *
   * @throws dev.iotctl.core.error.IotException VersionsLimitExceededException when the policy
   *     already has five versions
   */
  public PolicyVersion createVersion(String name, String document, boolean setAsDefault) {
    validator.validate(document);
    return context
        .db()
        .write(
            tx -> {
              require(tx, name);
              int count =
                  tx.queryOne(
                          "SELECT COUNT(*) FROM policy_versions WHERE policy_name = ?",
                          row -> row.getInt(1),
                          name)
                      .orElse(0);
              if (count >= MAX_VERSIONS) {
                throw Errors.versionsLimit(
                    "The policy " + name + " already has the maximum number of versions (5)");
              }
              long now = context.now();
              tx.update(
                  "UPDATE policies SET last_version = last_version + 1, last_modified_at = ?"
                      + " WHERE name = ?",
                  now,
                  name);
              int version =
                  tx.queryOne(
                          "SELECT last_version FROM policies WHERE name = ?",
                          row -> row.getInt(1),
                          name)
                      .orElseThrow();
              tx.update(
                  "INSERT INTO policy_versions (policy_name, version_id, document, created_at)"
                      + " VALUES (?, ?, ?, ?)",
                  name,
                  version,
                  document,
                  now);
              if (setAsDefault) {
                makeDefault(tx, name, version);
              }
              return requireVersion(tx, name, String.valueOf(version));
            });
  }

  /** GetPolicyVersion. */
  public PolicyVersion getVersion(String name, String versionId) {
    return context.db().read(tx -> requireVersion(tx, name, versionId));
  }

  /** ListPolicyVersions: newest first, as AWS lists them. */
  public List<PolicyVersion> listVersions(String name) {
    return context
        .db()
        .read(
            tx -> {
              require(tx, name);
              return tx.query(
                  "SELECT v.*, p.default_version FROM policy_versions v"
                      + " JOIN policies p ON p.name = v.policy_name"
                      + " WHERE v.policy_name = ? ORDER BY v.version_id DESC",
                  this::mapVersion,
                  name);
            });
  }

  /** DeletePolicyVersion: the default version cannot be deleted (use DeletePolicy). */
  public void deleteVersion(String name, String versionId) {
    context
        .db()
        .write(
            tx -> {
              PolicyVersion version = requireVersion(tx, name, versionId);
              if (version.isDefaultVersion()) {
                throw Errors.deleteConflict("Cannot delete the default version of a policy");
              }
              tx.update(
                  "DELETE FROM policy_versions WHERE policy_name = ? AND version_id = ?",
                  name,
                  Integer.parseInt(versionId));
              return null;
            });
  }

  /** SetDefaultPolicyVersion. */
  public void setDefaultVersion(String name, String versionId) {
    context
        .db()
        .write(
            tx -> {
              PolicyVersion version = requireVersion(tx, name, versionId);
              if (!version.isDefaultVersion()) {
                makeDefault(tx, name, Integer.parseInt(versionId));
              }
              return null;
            });
  }

  /**
   * AttachPolicy to a target: a certificate ARN or thing group ARN of this account (which must
   * exist), or another principal such as a Cognito identity id. Attaching twice is a no-op.
   *
   * @throws dev.iotctl.core.error.IotException LimitExceededException past ten policies per target
   */
  public void attach(String name, String target) {
    context
        .db()
        .write(
            tx -> {
              require(tx, name);
              requireTarget(tx, target);
              if (tx.exists(
                  "SELECT 1 FROM policy_targets WHERE policy_name = ? AND target = ?",
                  name,
                  target)) {
                return null;
              }
              int attached =
                  tx.queryOne(
                          "SELECT COUNT(*) FROM policy_targets WHERE target = ?",
                          row -> row.getInt(1),
                          target)
                      .orElse(0);
              if (attached >= MAX_POLICIES_PER_TARGET) {
                throw Errors.limitExceeded(
                    "The number of attached policies for " + target + " cannot exceed 10.");
              }
              tx.update(
                  "INSERT INTO policy_targets (policy_name, target) VALUES (?, ?)", name, target);
              tx.afterCommit(
                  () -> context.listeners().fire(l -> l.policyAttachmentChanged(target)));
              return null;
            });
  }

  /** DetachPolicy; detaching a policy that is not attached is a no-op. */
  public void detach(String name, String target) {
    context
        .db()
        .write(
            tx -> {
              require(tx, name);
              if (tx.update(
                      "DELETE FROM policy_targets WHERE policy_name = ? AND target = ?",
                      name,
                      target)
                  > 0) {
                tx.afterCommit(
                    () -> context.listeners().fire(l -> l.policyAttachmentChanged(target)));
              }
              return null;
            });
  }

  /**
   * ListAttachedPolicies: the policies attached to the target, in name order. With {@code
   * recursive}, a thing group's list also holds the policies of its parent groups up to the root
   * ("include all policies attached to the group's parent groups"); for other targets it changes
   * nothing.
   */
  public Page<Policy> listAttached(
      String target, boolean recursive, Integer pageSize, String marker) {
    int limit = Pages.limit(pageSize, 25, 250);
    String after = Pages.keyAfter(marker);
    List<Policy> rows =
        context
            .db()
            .read(
                tx -> {
                  List<String> targets = recursive ? withParentGroups(tx, target) : List.of(target);
                  String placeholders = String.join(", ", Collections.nCopies(targets.size(), "?"));
                  List<Object> args = new ArrayList<>(targets);
                  args.add(after);
                  args.add(limit + 1);
                  List<Policy> result = new ArrayList<>();
                  for (String name :
                      tx.query(
                          "SELECT DISTINCT t.policy_name FROM policy_targets t"
                              + " JOIN policies p ON p.name = t.policy_name"
                              + " WHERE p.service_managed = 0 AND t.target IN ("
                              + placeholders
                              + ") AND t.policy_name > ? ORDER BY t.policy_name LIMIT ?",
                          row -> row.getString(1),
                          args.toArray())) {
                    result.add(require(tx, name));
                  }
                  return result;
                });
    return Pages.page(rows, limit, Policy::name);
  }

  /** The target, and when it is a thing group's ARN, its ancestors' ARNs. */
  private List<String> withParentGroups(Transaction tx, String target) throws SQLException {
    String groupPrefix = context.config().arn("thinggroup", "");
    if (!target.startsWith(groupPrefix)) {
      return List.of(target);
    }
    return tx.query(
        "WITH RECURSIVE chain(name) AS (SELECT ? UNION ALL"
            + " SELECT g.parent_name FROM thing_groups g JOIN chain c ON g.name = c.name"
            + " WHERE g.parent_name IS NOT NULL) SELECT name FROM chain",
        row -> context.config().arn("thinggroup", row.getString(1)),
        target.substring(groupPrefix.length()));
  }

  /**
   * ListPrincipalPolicies: the policies attached to a principal — a certificate of this account
   * (which must exist) or another principal such as a Cognito identity — in name order.
   */
  public Page<Policy> listPrincipalPolicies(String principal, Integer pageSize, String marker) {
    context
        .db()
        .read(
            tx -> {
              requireTarget(tx, principal);
              return null;
            });
    return listAttached(principal, false, pageSize, marker);
  }

  /**
   * ListPolicyPrincipals: the principals (certificates and other identities, not thing groups) the
   * policy is attached to, in order.
   */
  public Page<String> listPrincipals(String name, Integer pageSize, String marker) {
    return listTargets(name, true, pageSize, marker);
  }

  /** ListTargetsForPolicy: the targets the policy is attached to, in order. */
  public Page<String> listTargets(String name, Integer pageSize, String marker) {
    return listTargets(name, false, pageSize, marker);
  }

  private Page<String> listTargets(
      String name, boolean principalsOnly, Integer pageSize, String marker) {
    int limit = Pages.limit(pageSize, 25, 250);
    String after = Pages.keyAfter(marker);
    List<String> rows =
        context
            .db()
            .read(
                tx -> {
                  require(tx, name);
                  return tx.query(
                      "SELECT target FROM policy_targets WHERE policy_name = ? AND target > ?"
                          + " AND NOT (? AND substr(target, 1, length(?)) = ?)"
                          + " ORDER BY target LIMIT ?",
                      row -> row.getString(1),
                      name,
                      after,
                      principalsOnly,
                      groupPrefix(),
                      groupPrefix(),
                      limit + 1);
                });
    return Pages.page(rows, limit, target -> target);
  }

  /** The default documents of the policies attached to the target, in name order. */
  List<DeviceIdentity.AttachedPolicy> attachedDocuments(Transaction tx, String target)
      throws SQLException {
    return tx.query(
        "SELECT p.name, v.document FROM policy_targets t"
            + " JOIN policies p ON p.name = t.policy_name"
            + " JOIN policy_versions v ON v.policy_name = p.name AND v.version_id = p.default_version"
            + " WHERE t.target = ? ORDER BY p.name",
        row -> new DeviceIdentity.AttachedPolicy(row.getString(1), row.getString(2)),
        target);
  }

  private void makeDefault(Transaction tx, String name, int version) throws SQLException {
    tx.update(
        "UPDATE policies SET default_version = ?, last_modified_at = ?, generation_id = ?"
            + " WHERE name = ?",
        version,
        context.now(),
        UUID.randomUUID().toString(),
        name);
    tx.afterCommit(() -> context.listeners().fire(l -> l.policyVersionChanged(name)));
  }

  private String groupPrefix() {
    return context.config().arn("thinggroup", "");
  }

  private void requireTarget(Transaction tx, String target) throws SQLException {
    String certPrefix = context.config().arn("cert", "");
    String groupPrefix = groupPrefix();
    if (target.startsWith(certPrefix)) {
      String id = target.substring(certPrefix.length());
      if (!tx.exists("SELECT 1 FROM certificates WHERE id = ? AND service_managed = 0", id)) {
        throw Errors.notFound("The certificate " + id + " does not exist.");
      }
    } else if (target.startsWith(groupPrefix)) {
      String group = target.substring(groupPrefix.length());
      if (!tx.exists("SELECT 1 FROM thing_groups WHERE name = ?", group)) {
        throw Errors.notFound("Thing Group " + group + " cannot be found.");
      }
    } else if (target.startsWith("arn:")) {
      throw Errors.invalid("Invalid target: " + target);
    }
  }

  private boolean exists(Transaction tx, String name) throws SQLException {
    return tx.exists("SELECT 1 FROM policies WHERE name = ?", name);
  }

  /**
   * Creates one of the stand-in's own policies with {@code document}, or marks it as the stand-in's
   * when it exists: it takes effect for the certificates it is attached to (through {@link
   * #attachServiceManaged}), while no customer-facing operation sees it.
   */
  public void ensureServiceManaged(String name, String document) {
    context
        .db()
        .write(
            tx -> {
              if (!exists(tx, name)) {
                long now = context.now();
                tx.update(
                    "INSERT INTO policies (name, default_version, last_version, created_at,"
                        + " last_modified_at, generation_id, service_managed)"
                        + " VALUES (?, 1, 1, ?, ?, ?, 1)",
                    name,
                    now,
                    now,
                    UUID.randomUUID().toString());
                tx.update(
                    "INSERT INTO policy_versions (policy_name, version_id, document, created_at)"
                        + " VALUES (?, 1, ?, ?)",
                    name,
                    document,
                    now);
              }
              tx.update("UPDATE policies SET service_managed = 1 WHERE name = ?", name);
              return null;
            });
  }

  /** Attaches one of the stand-in's own policies to a target (no limit, no visibility). */
  public void attachServiceManaged(String name, String target) {
    context
        .db()
        .write(
            tx -> {
              if (tx.update(
                      "INSERT INTO policy_targets (policy_name, target) VALUES (?, ?)"
                          + " ON CONFLICT DO NOTHING",
                      name,
                      target)
                  > 0) {
                tx.afterCommit(
                    () -> context.listeners().fire(l -> l.policyAttachmentChanged(target)));
              }
              return null;
            });
  }

  /** A customer-visible policy, or ResourceNotFoundException (also for the stand-in's own). */
  private Policy require(Transaction tx, String name) throws SQLException {
    return tx.queryOne(
            "SELECT p.*, v.document FROM policies p JOIN policy_versions v"
                + " ON v.policy_name = p.name AND v.version_id = p.default_version"
                + " WHERE p.name = ? AND p.service_managed = 0",
            this::mapPolicy,
            name)
        .orElseThrow(() -> Errors.notFound("Policy not found (name=" + name + ")"));
  }

  private PolicyVersion requireVersion(Transaction tx, String name, String versionId)
      throws SQLException {
    require(tx, name);
    Optional<PolicyVersion> version = Optional.empty();
    if (versionId != null && versionId.matches("[0-9]{1,9}")) {
      version =
          tx.queryOne(
              "SELECT v.*, p.default_version FROM policy_versions v"
                  + " JOIN policies p ON p.name = v.policy_name"
                  + " WHERE v.policy_name = ? AND v.version_id = ?",
              this::mapVersion,
              name,
              Integer.parseInt(versionId));
    }
    return version.orElseThrow(
        () ->
            Errors.notFound(
                "Policy version not found (name=" + name + ", versionId=" + versionId + ")"));
  }

  private Policy mapPolicy(ResultSet row) throws SQLException {
    String name = row.getString("name");
    return new Policy(
        name,
        context.config().arn("policy", name),
        row.getString("document"),
        String.valueOf(row.getInt("default_version")),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("last_modified_at")),
        row.getString("generation_id"));
  }

  private PolicyVersion mapVersion(ResultSet row) throws SQLException {
    String name = row.getString("policy_name");
    int version = row.getInt("version_id");
    return new PolicyVersion(
        name,
        context.config().arn("policy", name),
        String.valueOf(version),
        row.getString("document"),
        version == row.getInt("default_version"),
        Instant.ofEpochMilli(row.getLong("created_at")));
  }
}
