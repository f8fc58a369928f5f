/**
 * AWS IoT constructs for CDK apps in Java, usable without {@code fleet.yaml}: {@link
 * dev.iotctl.cdk.iot.Thing}, {@link dev.iotctl.cdk.iot.ThingType}, {@link
 * dev.iotctl.cdk.iot.ThingGroup}, {@link dev.iotctl.cdk.iot.DevicePolicy}, {@link
 * dev.iotctl.cdk.iot.DeviceCertificate} and {@link dev.iotctl.cdk.iot.TopicRule} (actions in {@code
 * dev.iotctl.cdk.iot.actions}).
 *
 * <p>Each is a {@code Resource} with an {@code I…} interface, {@code from…Name}/{@code from…Arn}
 * importers and {@code applyRemovalPolicy}; references between them are CloudFormation {@code Ref}s
 * within one stack, so a single stack deploys in dependency order. What CloudFormation cannot
 * express (a thing's type, more than 3 attributes, static group membership) is applied by one
 * {@link dev.iotctl.cdk.iot.ThingBindings} custom resource per stack. Checks AWS would make at
 * deploy time (names, attribute counts, one group per hierarchy, policy documents, rule SQL,
 * regions without thing types) fail synthesis with messages naming the resource.
 *
 * <p>New kinds of resources follow the same shape: a props class with a builder, an {@code I…}
 * interface extending {@code IResource}, a {@code Resource} subclass whose L1 child has the id
 * {@code Resource}, an {@code Imported} nested class behind {@code from…} methods ({@link
 * dev.iotctl.cdk.iot.IotArns} builds IoT ARNs), problems reported through {@link
 * dev.iotctl.cdk.iot.Problems}. Fleet indexing, dynamic and billing groups, CA certificates,
 * provisioning templates, role aliases and job templates are meant to be added that way; a CA
 * certificate or thing group that policies attach to implements {@link
 * dev.iotctl.cdk.iot.IPolicyPrincipal}.
 */
package dev.iotctl.cdk.iot;
