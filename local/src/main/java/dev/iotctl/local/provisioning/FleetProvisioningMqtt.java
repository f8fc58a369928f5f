package dev.iotctl.local.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.core.pki.Csrs;
import dev.iotctl.core.pki.KeyPairs;
import dev.iotctl.core.pki.KeyType;
import dev.iotctl.core.pki.Pem;
import dev.iotctl.core.provisioning.CertificateParameters;
import dev.iotctl.core.provisioning.ProvisioningTemplate;
import dev.iotctl.local.gateway.ConnectionPrincipal;
import dev.iotctl.local.gateway.DevicePublishListener;
import dev.iotctl.local.gateway.InFlightRequests;
import dev.iotctl.local.registry.Certificate;
import dev.iotctl.local.registry.CertificateMode;
import dev.iotctl.local.registry.CertificateStatus;
import dev.iotctl.local.registry.Registry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device provisioning MQTT API (fleet provisioning by claim): {@code
 * $aws/certificates/create/json} (CreateKeysAndCertificate), {@code
 * $aws/certificates/create-from-csr/json} (CreateCertificateFromCsr) and {@code
 * $aws/provisioning-templates/NAME/provision/json} (RegisterThing), answered on {@code …/accepted}
 * or {@code …/rejected} to the requesting device only.
 *
 * <p>A certificate created here is {@code PENDING_ACTIVATION} with an ownership token valid for one
 * hour; RegisterThing with that token runs the template's pre-provisioning hook, then provisions
 * the thing, the certificate (its status from the template) and the policies in one transaction. A
 * pending certificate whose token expired unused is deleted. Requests are handled off the
 * connection's I/O thread by a small bounded pool.
 */
public final class FleetProvisioningMqtt implements DevicePublishListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FleetProvisioningMqtt.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AWS_NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");
  static final Duration TOKEN_VALIDITY = Duration.ofHours(1);

  static final String CREATE = "$aws/certificates/create/json";
  static final String CREATE_FROM_CSR = "$aws/certificates/create-from-csr/json";
  private static final Pattern PROVISION =
      Pattern.compile("\\$aws/provisioning-templates/([^/]+)/provision/json");

  /** Sends a reply to one client: (clientId, topic, payload). */
  @FunctionalInterface
  public interface Replies {
    void send(String clientId, String topic, byte[] payload);
  }

  private record Ownership(String certificateId, Instant expires) {}

  private final Registry registry;
  private final CertificateAuthority standInCa;
  private final ProvisioningTemplateRegistry templates;
  private final TemplateProvisioner provisioner;
  private final PreProvisioningHooks hooks;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Ownership> tokens = new ConcurrentHashMap<>();
  private final ThreadPoolExecutor workers =
      new ThreadPoolExecutor(
          2,
          2,
          30,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(4096),
          r -> {
            Thread t = new Thread(r, "fleet-provisioning");
            t.setDaemon(true);
            return t;
          });
  private volatile Replies replies = (clientId, topic, payload) -> {};

  FleetProvisioningMqtt(
      Registry registry,
      CertificateAuthority standInCa,
      ProvisioningTemplateRegistry templates,
      TemplateProvisioner provisioner,
      PreProvisioningHooks hooks,
      Clock clock) {
    this.registry = registry;
    this.standInCa = standInCa;
    this.templates = templates;
    this.provisioner = provisioner;
    this.hooks = hooks;
    this.clock = clock;
  }

  void replyVia(Replies replies) {
    this.replies = replies;
  }

  @Override
  public void onPublish(
      ConnectionPrincipal from, InFlightRequests inFlight, String topic, byte[] payload) {
    Runnable work;
    if (topic.equals(CREATE)) {
      work = () -> createKeysAndCertificate(from, topic);
    } else if (topic.equals(CREATE_FROM_CSR)) {
      work = () -> createFromCsr(from, topic, payload);
    } else {
      Matcher m = PROVISION.matcher(topic);
      if (!m.matches()) {
        return;
      }
      work = () -> registerThing(from, topic, m.group(1), payload);
    }
    try {
      workers.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.warn("fleet provisioning request on {} failed", topic, e);
              reject(from, topic, 500, "InternalFailure", "An unexpected error has occurred.");
            }
          });
    } catch (RejectedExecutionException e) {
      reject(from, topic, 503, "ServiceUnavailable", "The service is temporarily unavailable.");
    }
  }

  private void createKeysAndCertificate(ConnectionPrincipal from, String topic) {
    KeyPair keys = KeyPairs.generate(KeyType.RSA_2048);
    X509Certificate x509 =
        standInCa.issueDeviceCertificate(keys.getPublic(), "AWS IoT Certificate", validity());
    Certificate certificate = registerPending(x509);
    ObjectNode accepted = JSON.createObjectNode();
    accepted.put("certificateId", certificate.id());
    accepted.put("certificatePem", certificate.pem());
    accepted.put("privateKey", Pem.toTraditionalPem(keys.getPrivate()));
    accepted.put("certificateOwnershipToken", token(certificate.id()));
    accept(from, topic, accepted);
  }

  private void createFromCsr(ConnectionPrincipal from, String topic, byte[] payload) {
    Optional<JsonNode> request = parse(from, topic, payload);
    if (request.isEmpty()) {
      return;
    }
    String csrPem = request.get().path("certificateSigningRequest").asText("");
    X509Certificate x509;
    try {
      x509 = standInCa.signCsr(Csrs.parsePem(csrPem), validity());
    } catch (RuntimeException e) {
      reject(from, topic, 400, "InvalidCsr", "The certificate signing request is not valid.");
      return;
    }
    Certificate certificate = registerPending(x509);
    ObjectNode accepted = JSON.createObjectNode();
    accepted.put("certificateOwnershipToken", token(certificate.id()));
    accepted.put("certificateId", certificate.id());
    accepted.put("certificatePem", certificate.pem());
    accept(from, topic, accepted);
  }

  private void registerThing(
      ConnectionPrincipal from, String topic, String templateName, byte[] payload) {
    Optional<JsonNode> request = parse(from, topic, payload);
    if (request.isEmpty()) {
      return;
    }
    String token = request.get().path("certificateOwnershipToken").asText("");
    if (token.isEmpty()) {
      reject(
          from,
          topic,
          400,
          "InvalidCertificateOwnershipToken",
          "Certificate ownership token cannot be empty.");
      return;
    }
    sweepExpired();
    Ownership ownership = tokens.get(token);
    if (ownership == null) {
      reject(
          from,
          topic,
          400,
          "InvalidCertificateOwnershipToken",
          "Certificate ownership token is not valid or has expired.");
      return;
    }
    Optional<ProvisioningTemplateSummary> template = templates.find(templateName);
    if (template.isEmpty()
        || !template.get().type().equals(ProvisioningTemplateRegistry.FLEET_PROVISIONING)) {
      reject(from, topic, 404, "ResourceNotFound", "Template " + templateName + " not found.");
      return;
    }
    if (!template.get().enabled()) {
      reject(from, topic, 400, "InvalidRequest", "Template " + templateName + " is disabled.");
      return;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    request
        .get()
        .path("parameters")
        .fields()
        .forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
    if (template.get().preProvisioningHook().isPresent()) {
      PreProvisioningHooks.Decision decision =
          hooks.invoke(
              template.get().preProvisioningHook().get().targetArn(),
              hookInput(from, ownership, template.get(), parameters));
      if (!decision.allowProvisioning()) {
        reject(from, topic, 403, "AccessDenied", "The pre-provisioning hook denied provisioning.");
        return;
      }
      parameters.putAll(decision.parameterOverrides());
    }
    parameters.put(CertificateParameters.ID, ownership.certificateId());
    TemplateProvisioner.Provisioned provisioned;
    try {
      provisioned =
          provisioner.apply(ProvisioningTemplate.parse(template.get().body()).resolve(parameters));
    } catch (IotException e) {
      String code = e.errorCode().replaceFirst("Exception$", "");
      reject(
          from,
          topic,
          e.httpStatus() >= 500 ? 500 : 400,
          "InvalidRequest".equals(code) ? "InvalidParameters" : code,
          e.getMessage());
      return;
    }
    tokens.remove(token);
    ObjectNode accepted = JSON.createObjectNode();
    ObjectNode configuration = accepted.putObject("deviceConfiguration");
    provisioned.deviceConfiguration().forEach(configuration::put);
    provisioned.thingName().ifPresent(name -> accepted.put("thingName", name));
    accept(from, topic, accepted);
  }

  private ObjectNode hookInput(
      ConnectionPrincipal from,
      Ownership ownership,
      ProvisioningTemplateSummary template,
      Map<String, String> parameters) {
    ObjectNode input = JSON.createObjectNode();
    input.put("claimCertificateId", from.device().certificateId());
    input.put("certificateId", ownership.certificateId());
    input.put("certificatePem", registry.certificates().describe(ownership.certificateId()).pem());
    input.put("templateArn", template.arn());
    input.put("clientId", from.clientId());
    ObjectNode params = input.putObject("parameters");
    parameters.forEach(params::put);
    return input;
  }

  private Certificate registerPending(X509Certificate x509) {
    return registry
        .certificates()
        .register(
            Pem.toPem(x509),
            CertificateStatus.PENDING_ACTIVATION,
            CertificateMode.DEFAULT,
            Optional.empty());
  }

  private String token(String certificateId) {
    byte[] bytes = new byte[48];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    tokens.put(token, new Ownership(certificateId, clock.instant().plus(TOKEN_VALIDITY)));
    return token;
  }

  /**
   * Forgets expired tokens; their certificate is deleted when it is still pending and attached to
   * nothing ("the certificate is deleted").
   */
  private void sweepExpired() {
    Instant now = clock.instant();
    tokens.forEach(
        (token, ownership) -> {
          if (ownership.expires().isBefore(now) && tokens.remove(token, ownership)) {
            try {
              registry
                  .certificates()
                  .find(ownership.certificateId())
                  .filter(c -> c.status() == CertificateStatus.PENDING_ACTIVATION)
                  .ifPresent(c -> registry.certificates().delete(c.id(), false));
            } catch (IotException e) {
              // attached meanwhile: it stays
            }
          }
        });
  }

  private Optional<JsonNode> parse(ConnectionPrincipal from, String topic, byte[] payload) {
    try {
      JsonNode node = JSON.readTree(new String(payload, StandardCharsets.UTF_8));
      if (node != null && node.isObject()) {
        return Optional.of(node);
      }
    } catch (IOException e) {
      // answered below
    }
    reject(from, topic, 400, "InvalidPayload", "The payload is not a valid JSON object.");
    return Optional.empty();
  }

  private Duration validity() {
    return Duration.between(clock.instant(), AWS_NOT_AFTER);
  }

  private void accept(ConnectionPrincipal from, String topic, ObjectNode body) {
    replies.send(from.clientId(), topic + "/accepted", bytes(body));
  }

  private void reject(
      ConnectionPrincipal from, String topic, int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("statusCode", status);
    body.put("errorCode", code);
    body.put("errorMessage", message);
    replies.send(from.clientId(), topic + "/rejected", bytes(body));
  }

  private static byte[] bytes(ObjectNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    workers.shutdownNow();
  }
}
