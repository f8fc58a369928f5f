package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.List;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.opensearchservice.IDomain;

/**
 * Writes the message as a document to an Amazon OpenSearch Service domain ({@code es:ESHttpPut} on
 * the domain and its paths, the only permission AWS IoT documents for this action).
 */
public final class OpenSearchAction implements IAction {
  private final IDomain domain;
  private final String id;
  private final String index;
  private final String type;
  private final IRole role;

  private OpenSearchAction(Builder b) {
    this.domain = b.domain;
    this.id = b.id;
    this.index = b.index;
    this.type = b.type;
    this.role = b.role;
  }

  /**
   * @param id the document id (substitution templates allowed, e.g. {@code ${newuuid()}})
   * @param index the index to write to
   * @param type the document type
   */
  public static Builder builder(IDomain domain, String id, String index, String type) {
    return new Builder(
        Targets.required(domain, "domain"),
        Targets.required(id, "document id"),
        Targets.required(index, "index"),
        Targets.required(type, "document type"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    Targets.allow(
        actionRole, List.of(domain.getDomainArn(), domain.getDomainArn() + "/*"), "es:ESHttpPut");
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .openSearch(
                CfnTopicRule.OpenSearchActionProperty.builder()
                    .endpoint("https://" + domain.getDomainEndpoint())
                    .id(id)
                    .index(index)
                    .type(type)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link OpenSearchAction}. */
  public static final class Builder {
    private final IDomain domain;
    private final String id;
    private final String index;
    private final String type;
    private IRole role;

    private Builder(IDomain domain, String id, String index, String type) {
      this.domain = domain;
      this.id = id;
      this.index = index;
      this.type = type;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public OpenSearchAction build() {
      return new OpenSearchAction(this);
    }
  }
}
