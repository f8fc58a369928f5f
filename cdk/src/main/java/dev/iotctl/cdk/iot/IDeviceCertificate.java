package dev.iotctl.cdk.iot;

import software.amazon.awscdk.IResource;
import software.amazon.awscdk.services.iot.CfnThingPrincipalAttachment;

/** An X.509 device certificate registered with AWS IoT, defined here or imported. */
public interface IDeviceCertificate extends IResource, IPolicyPrincipal {
  /** The certificate's ARN. */
  String getCertificateArn();

  /** The certificate's id (the last part of its ARN). */
  String getCertificateId();

  /** Attaches the certificate to {@code thing} (in this certificate's scope). */
  CfnThingPrincipalAttachment attachToThing(IThing thing);
}
