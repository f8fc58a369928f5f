package dev.iotctl.cdk.iot;

import software.amazon.awscdk.IResource;

/** An AWS IoT thing, defined here ({@link Thing}) or imported. */
public interface IThing extends IResource {
  /** The thing's name. */
  String getThingName();

  /** The thing's ARN. */
  String getThingArn();
}
