package dev.iotctl.cdk.iot;

import software.amazon.awscdk.IResource;

/** An AWS IoT thing type, defined here ({@link ThingType}) or imported. */
public interface IThingType extends IResource {
  /** The thing type's name. */
  String getThingTypeName();

  /** The thing type's ARN. */
  String getThingTypeArn();
}
