package dev.iotctl.cdk.constructs;

import dev.iotctl.cdk.fleet.CertificateSpec;
import dev.iotctl.cdk.fleet.ThingSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iot.CfnPolicyPrincipalAttachment;
import software.amazon.awscdk.services.iot.CfnThing;
import software.amazon.awscdk.services.iot.CfnThingPrincipalAttachment;
import software.constructs.Construct;

/**
 * A set of devices: per device a thing, its certificate, the certificate-to-thing attachment and
 * the policy attachment; plus one {@link ThingBindings} resource carrying every device's thing type
 * and group memberships (CloudFormation has no native resource for either).
 */
public class DeviceFleet extends Construct {
  /** CloudFormation resources one device costs at most: thing, certificate, two attachments. */
  public static final int RESOURCES_PER_DEVICE = 4;

  private int resourceCount;

  public DeviceFleet(Construct scope, String id, DeviceFleetProps props) {
    super(scope, id);
    List<String> problems = new ArrayList<>();
    Map<String, ThingBindings.Binding> bindings = new LinkedHashMap<>();
    List<CfnThing> boundThings = new ArrayList<>();
    for (ThingSpec spec : props.getThings()) {
      problems.addAll(check(spec, props));
      Construct device = new Construct(this, spec.name());
      CfnThing thing = thing(device, spec);
      resourceCount++;
      if (spec.type() != null || !spec.groups().isEmpty()) {
        bindings.put(spec.name(), new ThingBindings.Binding(spec.type(), spec.groups()));
        boundThings.add(thing);
      }
      CertificateSpec cert = spec.certificate();
      if (cert == null) {
        continue;
      }
      DeviceCertificate certificate =
          new DeviceCertificate(device, "Certificate", certificateProps(spec, cert, props));
      CfnThingPrincipalAttachment.Builder.create(device, "ThingAttachment")
          .thingName(thing.getRef())
          .principal(certificate.getCertificateArn())
          .build();
      resourceCount += 2;
      if (spec.policy() != null) {
        CfnPolicyPrincipalAttachment.Builder.create(device, "PolicyAttachment")
            .policyName(spec.policy())
            .principal(certificate.getCertificateArn())
            .build();
        resourceCount++;
      }
    }
    if (!bindings.isEmpty()) {
      if (props.getBindingsServiceToken() == null) {
        problems.add("devices have thing types or groups but no bindings service token was given");
      } else {
        ThingBindings binding =
            new ThingBindings(this, "Bindings", props.getBindingsServiceToken(), bindings);
        boundThings.forEach(binding::dependOn);
        resourceCount++;
      }
    }
    Problems.report(this, problems);
  }

  /** How many CloudFormation resources this fleet adds to its stack. */
  public int getResourceCount() {
    return resourceCount;
  }

  private static CfnThing thing(Construct device, ThingSpec spec) {
    CfnThing.Builder thing = CfnThing.Builder.create(device, "Thing").thingName(spec.name());
    if (!spec.attributes().isEmpty()) {
      thing.attributePayload(
          CfnThing.AttributePayloadProperty.builder().attributes(spec.attributes()).build());
    }
    return thing.build();
  }

  private static DeviceCertificateProps certificateProps(
      ThingSpec spec, CertificateSpec cert, DeviceFleetProps props) {
    return DeviceCertificateProps.builder()
        .thingName(spec.name())
        .csrFile(cert.csr() == null ? null : props.getPaths().apply(cert.csr()))
        .certificateFile(cert.pem() == null ? null : props.getPaths().apply(cert.pem()))
        .caCertificateFile(cert.ca() == null ? null : props.getPaths().apply(cert.ca()))
        .status(cert.status())
        .build();
  }

  private static List<String> check(ThingSpec spec, DeviceFleetProps props) {
    List<String> problems = new ArrayList<>();
    String thing = "thing '" + spec.name() + "': ";
    ResourceNames.checkThingName("thing name", spec.name()).ifPresent(problems::add);
    ResourceNames.checkAttributes(spec.attributes()).ifPresent(p -> problems.add(thing + p));
    if (spec.type() != null && !props.getThingTypes().contains(spec.type())) {
      problems.add(thing + "unknown thing type '" + spec.type() + "' (not under thingTypes)");
    }
    for (String group : spec.groups()) {
      if (!props.getThingGroups().contains(group)) {
        problems.add(thing + "unknown thing group '" + group + "' (not under thingGroups)");
      }
    }
    if (spec.groups().size() > 10) {
      problems.add(thing + "is in " + spec.groups().size() + " groups; AWS IoT allows 10");
    }
    if (spec.policy() != null) {
      if (!props.getPolicies().contains(spec.policy())) {
        problems.add(thing + "unknown policy '" + spec.policy() + "' (not under policies)");
      }
      if (spec.certificate() == null) {
        problems.add(thing + "policy '" + spec.policy() + "' needs a certificate to attach to");
      }
    }
    return problems;
  }
}
