package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;

/**
 * POSTs the message to an HTTPS endpoint. No AWS permission is needed, unless SigV4 signing is
 * asked for: then the rule's role signs, and the caller grants it what the endpoint's service needs
 * ({@link #getRole} after binding, or {@link Builder#role}).
 */
public final class HttpsAction implements IAction {
  private final String url;
  private final String confirmationUrl;
  private final Map<String, String> headers;
  private final String sigV4Service;
  private final String sigV4Region;
  private IRole role;

  public HttpsAction(String url) {
    this(builder(url));
  }

  private HttpsAction(Builder b) {
    if (!b.url.startsWith("https://")) {
      throw new IllegalArgumentException("http url '" + b.url + "' must use https");
    }
    this.url = b.url;
    this.confirmationUrl = b.confirmationUrl;
    this.headers = b.headers;
    this.sigV4Service = b.sigV4Service;
    this.sigV4Region = b.sigV4Region;
    this.role = b.role;
  }

  public static Builder builder(String url) {
    return new Builder(Targets.required(url, "url"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    List<Object> rendered = new ArrayList<>();
    headers.forEach(
        (key, value) ->
            rendered.add(
                CfnTopicRule.HttpActionHeaderProperty.builder().key(key).value(value).build()));
    CfnTopicRule.HttpActionProperty.Builder http =
        CfnTopicRule.HttpActionProperty.builder()
            .url(url)
            .confirmationUrl(confirmationUrl)
            .headers(rendered.isEmpty() ? null : rendered);
    if (sigV4Service != null) {
      role = ActionRole.orShared(role, rule);
      http.auth(
          CfnTopicRule.HttpAuthorizationProperty.builder()
              .sigv4(
                  CfnTopicRule.SigV4AuthorizationProperty.builder()
                      .roleArn(role.getRoleArn())
                      .serviceName(sigV4Service)
                      .signingRegion(sigV4Region)
                      .build())
              .build());
    }
    return new ActionConfig(CfnTopicRule.ActionProperty.builder().http(http.build()).build());
  }

  /** The role that signs requests (SigV4 only, after binding), to grant the target's actions. */
  public IRole getRole() {
    return role;
  }

  /** Builder for {@link HttpsAction}. */
  public static final class Builder {
    private final String url;
    private String confirmationUrl;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String sigV4Service;
    private String sigV4Region;
    private IRole role;

    private Builder(String url) {
      this.url = url;
    }

    /** The URL AWS IoT confirms the destination with (a prefix of {@code url}). */
    public Builder confirmationUrl(String confirmationUrl) {
      this.confirmationUrl = confirmationUrl;
      return this;
    }

    /** A header (value: substitution templates allowed). */
    public Builder header(String key, String value) {
      headers.put(Targets.required(key, "header name"), value);
      return this;
    }

    /** Headers, in the order given. */
    public Builder headers(Map<String, String> headers) {
      headers.forEach(this::header);
      return this;
    }

    /** Sign requests with SigV4 for {@code serviceName} in {@code signingRegion}. */
    public Builder sigV4(String serviceName, String signingRegion) {
      this.sigV4Service = Targets.required(serviceName, "SigV4 service name");
      this.sigV4Region = Targets.required(signingRegion, "SigV4 signing region");
      return this;
    }

    /** The signing role (SigV4), instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public HttpsAction build() {
      return new HttpsAction(this);
    }
  }
}
