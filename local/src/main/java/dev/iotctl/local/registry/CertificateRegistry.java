package dev.iotctl.local.registry;

import dev.iotctl.core.pki.CertificateIds;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.local.store.CreationKey;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Certificates: registration (from the CA or without one), DescribeCertificate, ListCertificates,
 * UpdateCertificate, DeleteCertificate, and the gateway's lookup at connection time.
 */
public final class CertificateRegistry {
  private static final int CACHE_LIMIT = 10_000;

  private final Context context;
  private final PolicyRegistry policies;
  private final ThingRegistry things;
  private final ThingGroupRegistry groups;

  /** findForConnection results; emptied after every committed write (see Registry). */
  private final Map<String, Optional<DeviceIdentity>> identities = new ConcurrentHashMap<>();

  CertificateRegistry(
      Context context, PolicyRegistry policies, ThingRegistry things, ThingGroupRegistry groups) {
    this.context = context;
    this.policies = policies;
    this.things = things;
    this.groups = groups;
    context.db().onEveryCommit(identities::clear);
  }

  /**
   * Registers a certificate (the first one in the PEM text) with the given status.
   *
   * @throws dev.iotctl.core.error.IotException CertificateValidationException for an unreadable
   *     certificate; ResourceAlreadyExistsException when it is already registered
   */
  public Certificate register(
      String certificatePem,
      CertificateStatus status,
      CertificateMode mode,
      Optional<String> caCertificateId) {
    X509Certificate x509 = Pem.parseCertificate(certificatePem);
    String id = CertificateIds.of(x509);
    String pem = Pem.toPem(x509);
    return context
        .db()
        .write(
            tx -> {
              if (find(tx, id).isPresent()) {
                throw Errors.alreadyExists("The certificate is already provisioned or registered");
              }
              long now = context.now();
              tx.update(
                  "INSERT INTO certificates (id, pem, status, mode, ca_certificate_id, owned_by,"
                      + " not_before, not_after, created_at, last_modified_at, customer_version,"
                      + " generation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                  id,
                  pem,
                  status.name(),
                  mode.name(),
                  caCertificateId.orElse(null),
                  context.config().accountId(),
                  x509.getNotBefore().getTime(),
                  x509.getNotAfter().getTime(),
                  now,
                  now,
                  UUID.randomUUID().toString());
              return find(tx, id).orElseThrow();
            });
  }

  /** The certificate, or ResourceNotFoundException. */
  public Certificate describe(String certificateId) {
    return context.db().read(tx -> require(tx, certificateId));
  }

  /** Certificates by creation date (then id), oldest first unless {@code ascending} is false. */
  public Page<Certificate> list(boolean ascending, Integer pageSize, String marker) {
    return listWhere("", List.of(), ascending, pageSize, marker);
  }

  /**
   * ListCertificatesByCA: the certificates registered with that CA certificate id, in the order of
   * {@link #list}.
   */
  public Page<Certificate> listByCa(
      String caCertificateId, boolean ascending, Integer pageSize, String marker) {
    return listWhere(
        " AND ca_certificate_id = ?", List.of(caCertificateId), ascending, pageSize, marker);
  }

  private Page<Certificate> listWhere(
      String condition,
      List<Object> parameters,
      boolean ascending,
      Integer pageSize,
      String marker) {
    int limit = Pages.limit(pageSize, 25, 250);
    CreationKey from = CreationKey.after(marker, ascending);
    String order = ascending ? "ASC" : "DESC";
    String comparison = ascending ? ">" : "<";
    List<Object> arguments = new ArrayList<>(parameters);
    arguments.addAll(List.of(from.time(), from.id(), limit + 1));
    List<Certificate> rows =
        context
            .db()
            .read(
                tx ->
                    tx.query(
                        "SELECT * FROM certificates WHERE service_managed = 0"
                            + condition
                            + " AND (created_at, id) "
                            + comparison
                            + " (?, ?) ORDER BY created_at "
                            + order
                            + ", id "
                            + order
                            + " LIMIT ?",
                        this::map,
                        arguments.toArray()));
    return Pages.page(rows, limit, c -> CreationKey.of(c.creationDate(), c.id()));
  }

  /** Whether a customer-visible certificate with this id is registered. */
  public Optional<Certificate> find(String certificateId) {
    return context
        .db()
        .read(
            tx ->
                tx.queryOne(
                    "SELECT * FROM certificates WHERE id = ? AND service_managed = 0",
                    this::map,
                    certificateId));
  }

  /**
   * UpdateCertificate. Setting the current status again is a no-op.
   *
   * @throws dev.iotctl.core.error.IotException InvalidRequestException for PENDING_TRANSFER,
   *     PENDING_ACTIVATION (AWS-internal statuses); CertificateStateException to leave REVOKED (a
   *     revocation is final) or a pending transfer
   */
  public void updateStatus(String certificateId, CertificateStatus newStatus) {
    if (newStatus == CertificateStatus.PENDING_TRANSFER
        || newStatus == CertificateStatus.PENDING_ACTIVATION) {
      throw Errors.invalid(
          "The certificate status "
              + newStatus
              + " is used internally by AWS IoT and cannot be set with UpdateCertificate.");
    }
    context
        .db()
        .write(
            tx -> {
              Certificate certificate = require(tx, certificateId);
              if (certificate.status() == newStatus) {
                return null;
              }
              if (certificate.status() == CertificateStatus.REVOKED) {
                throw Errors.certificateState(
                    "Certificate " + certificateId + " is revoked; its status cannot be changed.");
              }
              if (certificate.status() == CertificateStatus.PENDING_TRANSFER) {
                throw Errors.certificateState(
                    "Certificate " + certificateId + " is pending transfer.");
              }
              tx.update(
                  "UPDATE certificates SET status = ?, last_modified_at = ?,"
                      + " customer_version = customer_version + 1, generation_id = ? WHERE id = ?",
                  newStatus.name(),
                  context.now(),
                  UUID.randomUUID().toString(),
                  certificateId);
              tx.afterCommit(
                  () ->
                      context
                          .listeners()
                          .fire(l -> l.certificateStatusChanged(certificateId, newStatus)));
              return null;
            });
  }

  /**
   * DeleteCertificate: refused while ACTIVE (or pending transfer), while things are attached, and
   * while policies are attached unless {@code forceDelete}, which detaches them.
   */
  public void delete(String certificateId, boolean forceDelete) {
    context
        .db()
        .write(
            tx -> {
              Certificate certificate = require(tx, certificateId);
              if (certificate.status() == CertificateStatus.ACTIVE
                  || certificate.status() == CertificateStatus.PENDING_TRANSFER) {
                throw Errors.certificateState(
                    "Certificate " + certificateId + " must be deactivated before deletion.");
              }
              String arn = certificate.arn();
              if (tx.exists("SELECT 1 FROM thing_principals WHERE principal = ?", arn)) {
                throw Errors.deleteConflict(
                    "Things must be detached before deletion (arn: " + arn + ")");
              }
              boolean hasPolicies = tx.exists("SELECT 1 FROM policy_targets WHERE target = ?", arn);
              if (hasPolicies && !forceDelete) {
                throw Errors.deleteConflict(
                    "Certificate policies must be detached before deletion (arn: " + arn + ")");
              }
              tx.update("DELETE FROM policy_targets WHERE target = ?", arn);
              tx.update("DELETE FROM certificates WHERE id = ?", certificateId);
              tx.afterCommit(
                  () -> {
                    if (hasPolicies) {
                      context.listeners().fire(l -> l.policyAttachmentChanged(arn));
                    }
                    context.listeners().fire(l -> l.certificateDeleted(certificateId));
                  });
              return null;
            });
  }

  /**
   * The gateway's lookup when a certificate is presented: its status, attached policies (default
   * versions) and attached things. Served from a cache that every committed write empties, so a
   * listener that calls this after a change sees the change.
   */
  public Optional<DeviceIdentity> findForConnection(String certificateId) {
    Optional<DeviceIdentity> cached = identities.get(certificateId);
    if (cached != null) {
      return cached;
    }
    // Read and cache under the database lock so that no commit slips in between.
    return context
        .db()
        .underLock(
            () -> {
              Optional<DeviceIdentity> identity = context.db().read(tx -> load(tx, certificateId));
              if (identities.size() >= CACHE_LIMIT) {
                identities.clear();
              }
              identities.put(certificateId, identity);
              return identity;
            });
  }

  private Optional<DeviceIdentity> load(Transaction tx, String certificateId) throws SQLException {
    Optional<Certificate> certificate = find(tx, certificateId);
    if (certificate.isEmpty()) {
      return Optional.empty();
    }
    String arn = certificate.get().arn();
    List<DeviceIdentity.AttachedThing> attached = new ArrayList<>();
    for (String thingName :
        tx.query(
            "SELECT thing_name FROM thing_principals WHERE principal = ? ORDER BY thing_name",
            row -> row.getString(1),
            arn)) {
      Thing thing = things.require(tx, thingName);
      List<DeviceIdentity.AttachedPolicy> groupPolicies = new ArrayList<>();
      for (String group : groups.groupsWithAncestors(tx, thingName)) {
        groupPolicies.addAll(policies.attachedDocuments(tx, groups.arn(group)));
      }
      attached.add(
          new DeviceIdentity.AttachedThing(
              thing.name(),
              thing.typeName(),
              thing.attributes(),
              groupPolicies.stream().distinct().toList()));
    }
    return Optional.of(
        new DeviceIdentity(
            certificateId,
            certificate.get().status(),
            policies.attachedDocuments(tx, arn),
            attached));
  }

  /**
   * Registers one of the stand-in's own certificates (ACTIVE), or marks it as the stand-in's when
   * already registered: the gateway accepts it, but no customer-facing operation sees it, as a
   * fresh AWS account holds no certificate.
   */
  public void registerServiceManaged(String certificatePem) {
    X509Certificate x509 = Pem.parseCertificate(certificatePem);
    String id = CertificateIds.of(x509);
    if (context.db().read(tx -> find(tx, id)).isEmpty()) {
      register(certificatePem, CertificateStatus.ACTIVE, CertificateMode.DEFAULT, Optional.empty());
    }
    context
        .db()
        .write(
            tx ->
                tx.update(
                    "UPDATE certificates SET service_managed = 1, status = ? WHERE id = ?",
                    CertificateStatus.ACTIVE.name(),
                    id));
  }

  /** A customer-visible certificate, or ResourceNotFoundException (also for the stand-in's own). */
  Certificate require(Transaction tx, String certificateId) throws SQLException {
    return tx.queryOne(
            "SELECT * FROM certificates WHERE id = ? AND service_managed = 0",
            this::map,
            certificateId)
        .orElseThrow(
            () -> Errors.notFound("The certificate " + certificateId + " does not exist."));
  }

  Optional<Certificate> find(Transaction tx, String certificateId) throws SQLException {
    return tx.queryOne("SELECT * FROM certificates WHERE id = ?", this::map, certificateId);
  }

  /** The certificate id in a certificate ARN, if it is one of this account's. */
  Optional<String> idFromArn(String principal) {
    String prefix = context.config().arn("cert", "");
    return principal.startsWith(prefix)
        ? Optional.of(principal.substring(prefix.length()))
        : Optional.empty();
  }

  private Certificate map(ResultSet row) throws SQLException {
    String id = row.getString("id");
    return new Certificate(
        id,
        context.config().arn("cert", id),
        row.getString("pem"),
        CertificateStatus.valueOf(row.getString("status")),
        CertificateMode.valueOf(row.getString("mode")),
        Optional.ofNullable(row.getString("ca_certificate_id")),
        row.getString("owned_by"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("last_modified_at")),
        Instant.ofEpochMilli(row.getLong("not_before")),
        Instant.ofEpochMilli(row.getLong("not_after")),
        row.getLong("customer_version"),
        row.getString("generation_id"));
  }
}
