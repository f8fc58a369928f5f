package dev.iotctl.core.policy;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What AWS IoT knows about a connection when it evaluates policies: the values of the documented
 * policy variables, which double as condition keys.
 *
 * <ul>
 *   <li>Basic: {@code iot:ClientId}, {@code aws:SourceIp}, {@code iot:DomainName}.
 *   <li>Thing: {@code iot:Connection.Thing.ThingName}, {@code .ThingTypeName}, {@code
 *       .Attributes[name]} — only when a thing is attached to the principal ({@code thingName} set)
 *       — and {@code iot:Connection.Thing.IsAttached} ({@code "true"}/{@code "false"}).
 *   <li>Certificate: every {@code iot:Certificate.*} variable derived from the client certificate.
 *   <li>Any other key (e.g. {@code iot:ConnectAttributes}, {@code aws:CurrentTime}) via {@link
 *       Builder#value}.
 * </ul>
 *
 * Keys are matched case-insensitively (as IAM does); thing attribute names keep their case.
 */
public final class PolicyContext {
  private final String region;
  private final String accountId;
  private final String clientId;
  private final String thingName;
  private final Optional<X509Certificate> certificate;
  private final Map<String, List<String>> values;

  private PolicyContext(Builder b) {
    this.region = b.region;
    this.accountId = b.accountId;
    this.clientId = b.clientId;
    this.thingName = b.thingName;
    this.certificate = Optional.ofNullable(b.certificate);
    Map<String, List<String>> all = new HashMap<>();
    if (b.certificate != null) {
      CertificateVariables.of(b.certificate).forEach((k, v) -> all.put(normalize(k), v));
    }
    put(all, "iot:ClientId", b.clientId);
    put(all, "aws:SourceIp", b.sourceIp);
    put(all, "iot:DomainName", b.domainName);
    all.put(normalize("iot:Connection.Thing.IsAttached"), List.of(String.valueOf(b.isAttached)));
    if (b.thingName != null) {
      put(all, "iot:Connection.Thing.ThingName", b.thingName);
      put(all, "iot:Connection.Thing.ThingTypeName", b.thingTypeName);
      b.thingAttributes.forEach(
          (name, value) -> put(all, "iot:Connection.Thing.Attributes[" + name + "]", value));
    }
    b.extra.forEach((k, v) -> all.put(normalize(k), v));
    this.values = Map.copyOf(all);
  }

  /** Starts an empty context (no variable has a value; IsAttached is false). */
  public static Builder builder() {
    return new Builder();
  }

  /** Values of a policy variable or condition key, or null when the request has none. */
  public List<String> values(String key) {
    return values.get(normalize(key));
  }

  /** The single value of a key, if it has exactly one. */
  public Optional<String> value(String key) {
    List<String> v = values(key);
    return v != null && v.size() == 1 ? Optional.of(v.get(0)) : Optional.empty();
  }

  public String region() {
    return region;
  }

  public String accountId() {
    return accountId;
  }

  public String clientId() {
    return clientId;
  }

  /** The attached thing's name, or null when no thing is attached to the connection. */
  public String thingName() {
    return thingName;
  }

  public Optional<X509Certificate> certificate() {
    return certificate;
  }

  private static void put(Map<String, List<String>> all, String key, String value) {
    if (value != null) {
      all.put(normalize(key), List.of(value));
    }
  }

  /** Lower-cases the key, except a bracketed attribute name such as {@code Attributes[Name]}. */
  static String normalize(String key) {
    int bracket = key.indexOf('[');
    if (bracket < 0) {
      return key.toLowerCase(Locale.ROOT);
    }
    return key.substring(0, bracket).toLowerCase(Locale.ROOT) + key.substring(bracket);
  }

  /** Builds a {@link PolicyContext}. */
  public static final class Builder {
    private String region;
    private String accountId;
    private String clientId;
    private String thingName;
    private String thingTypeName;
    private Map<String, String> thingAttributes = Map.of();
    private boolean isAttached;
    private X509Certificate certificate;
    private String sourceIp;
    private String domainName;
    private final Map<String, List<String>> extra = new LinkedHashMap<>();

    private Builder() {}

    public Builder region(String region) {
      this.region = region;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /** {@code iot:ClientId}: the MQTT client id of the connection. */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /** {@code iot:Connection.Thing.ThingName}: set only when the thing is attached. */
    public Builder thingName(String thingName) {
      this.thingName = thingName;
      return this;
    }

    public Builder thingTypeName(String thingTypeName) {
      this.thingTypeName = thingTypeName;
      return this;
    }

    public Builder thingAttributes(Map<String, String> thingAttributes) {
      this.thingAttributes = Map.copyOf(thingAttributes);
      return this;
    }

    /** {@code iot:Connection.Thing.IsAttached}. */
    public Builder isAttached(boolean isAttached) {
      this.isAttached = isAttached;
      return this;
    }

    /** The client certificate; the {@code iot:Certificate.*} variables are derived from it. */
    public Builder certificate(X509Certificate certificate) {
      this.certificate = certificate;
      return this;
    }

    /** {@code aws:SourceIp}. */
    public Builder sourceIp(String sourceIp) {
      this.sourceIp = sourceIp;
      return this;
    }

    /** {@code iot:DomainName}: the domain name the client connected to. */
    public Builder domainName(String domainName) {
      this.domainName = domainName;
      return this;
    }

    /** Any other condition key, single- or multi-valued (e.g. {@code iot:ConnectAttributes}). */
    public Builder value(String key, String... values) {
      extra.put(key, List.copyOf(Arrays.asList(values)));
      return this;
    }

    public PolicyContext build() {
      return new PolicyContext(this);
    }
  }
}
