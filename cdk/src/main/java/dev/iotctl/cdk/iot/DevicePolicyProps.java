package dev.iotctl.cdk.iot;

import java.util.Objects;

/** Props for {@link DevicePolicy}. */
public final class DevicePolicyProps {
  private final String policyName;
  private final String document;
  private final boolean allowPermissive;

  private DevicePolicyProps(Builder b) {
    this.policyName = b.policyName;
    this.document = Objects.requireNonNull(b.document, "document");
    this.allowPermissive = b.allowPermissive;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The IoT policy name (devices and tools refer to it); CloudFormation generates one if null. */
  public String getPolicyName() {
    return policyName;
  }

  /** The policy document text, with optional {@code ${AWS::…}} pseudo parameters. */
  public String getDocument() {
    return document;
  }

  /** Whether linter findings of error severity are accepted (reported as warnings instead). */
  public boolean isAllowPermissive() {
    return allowPermissive;
  }

  /** Builder for {@link DevicePolicyProps}. */
  public static final class Builder {
    private String policyName;
    private String document;
    private boolean allowPermissive;

    public Builder policyName(String policyName) {
      this.policyName = policyName;
      return this;
    }

    public Builder document(String document) {
      this.document = document;
      return this;
    }

    public Builder allowPermissive(boolean allowPermissive) {
      this.allowPermissive = allowPermissive;
      return this;
    }

    public DevicePolicyProps build() {
      return new DevicePolicyProps(this);
    }
  }
}
