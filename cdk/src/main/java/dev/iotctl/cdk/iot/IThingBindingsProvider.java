package dev.iotctl.cdk.iot;

/** The function that applies {@link ThingBindings} (a custom resource's service token). */
public interface IThingBindingsProvider {
  /** The function's ARN, for the custom resource's {@code ServiceToken}. */
  String getServiceToken();
}
