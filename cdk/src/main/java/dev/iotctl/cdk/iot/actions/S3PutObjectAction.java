package dev.iotctl.cdk.iot.actions;

import dev.iotctl.cdk.iot.ActionConfig;
import dev.iotctl.cdk.iot.IAction;
import dev.iotctl.cdk.iot.ITopicRule;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iot.CfnTopicRule;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Writes the message to an S3 object ({@code s3:PutObject} on the objects the key can name, plus
 * {@code s3:PutObjectAcl} with a canned ACL and {@code kms:GenerateDataKey} on the bucket's key).
 */
public final class S3PutObjectAction implements IAction {
  /** The key used when none is given: one object per message under its topic. */
  public static final String DEFAULT_KEY = "${topic()}/${timestamp()}";

  private final IBucket bucket;
  private final String bucketName;
  private final String key;
  private final String cannedAcl;
  private final IRole role;

  public S3PutObjectAction(IBucket bucket) {
    this(builder(bucket));
  }

  private S3PutObjectAction(Builder b) {
    this.bucket = b.bucket;
    this.bucketName = b.bucketName;
    this.key = b.key;
    this.cannedAcl = b.cannedAcl;
    this.role = b.role;
  }

  public static Builder builder(IBucket bucket) {
    return new Builder(Targets.required(bucket, "bucket"), null);
  }

  /** A bucket by name (S3 bucket names are global). */
  public static Builder builderForBucketName(String bucketName) {
    return new Builder(null, Targets.required(bucketName, "bucket name"));
  }

  @Override
  public ActionConfig bind(ITopicRule rule) {
    IRole actionRole = ActionRole.orShared(role, rule);
    List<String> actions = new ArrayList<>(List.of("s3:PutObject"));
    if (cannedAcl != null) {
      actions.add("s3:PutObjectAcl");
    }
    String objects;
    String name;
    if (bucket != null) {
      objects = bucket.arnForObjects(Targets.wildcard(key));
      name = bucket.getBucketName();
      Targets.grantKey(bucket.getEncryptionKey(), actionRole, "kms:GenerateDataKey");
    } else {
      objects =
          "arn:"
              + Stack.of(rule).getPartition()
              + ":s3:::"
              + Targets.wildcard(bucketName)
              + "/"
              + Targets.wildcard(key);
      name = bucketName;
    }
    Targets.allow(actionRole, List.of(objects), actions.toArray(new String[0]));
    return new ActionConfig(
        CfnTopicRule.ActionProperty.builder()
            .s3(
                CfnTopicRule.S3ActionProperty.builder()
                    .bucketName(name)
                    .key(key)
                    .cannedAcl(cannedAcl)
                    .roleArn(actionRole.getRoleArn())
                    .build())
            .build());
  }

  /** Builder for {@link S3PutObjectAction}. */
  public static final class Builder {
    private final IBucket bucket;
    private final String bucketName;
    private String key = DEFAULT_KEY;
    private String cannedAcl;
    private IRole role;

    private Builder(IBucket bucket, String bucketName) {
      this.bucket = bucket;
      this.bucketName = bucketName;
    }

    /** The object key (substitution templates allowed); default {@link #DEFAULT_KEY}. */
    public Builder key(String key) {
      this.key = Targets.required(key, "key");
      return this;
    }

    /** A canned ACL for the object, e.g. {@code private}, {@code bucket-owner-full-control}. */
    public Builder cannedAcl(String cannedAcl) {
      this.cannedAcl = cannedAcl;
      return this;
    }

    /** A role to use instead of the rule's shared one. */
    public Builder role(IRole role) {
      this.role = role;
      return this;
    }

    public S3PutObjectAction build() {
      return new S3PutObjectAction(this);
    }
  }
}
