package dev.iotctl.local.http;

import dev.iotctl.core.pki.CertificateAuthority;
import dev.iotctl.local.gateway.DeviceGateway;
import dev.iotctl.local.http.control.CaCertificateOperations;
import dev.iotctl.local.http.control.CertificateOperations;
import dev.iotctl.local.http.control.EndpointOperations;
import dev.iotctl.local.http.control.LoggingOperations;
import dev.iotctl.local.http.control.PolicyOperations;
import dev.iotctl.local.http.control.PrincipalOperations;
import dev.iotctl.local.http.control.PrincipalPolicyOperations;
import dev.iotctl.local.http.control.ProvisioningTemplateOperations;
import dev.iotctl.local.http.control.RegisterThingOperation;
import dev.iotctl.local.http.control.TagOperations;
import dev.iotctl.local.http.control.ThingGroupOperations;
import dev.iotctl.local.http.control.ThingOperations;
import dev.iotctl.local.http.control.ThingRegistrationTaskOperations;
import dev.iotctl.local.http.control.ThingTypeOperations;
import dev.iotctl.local.http.control.TopicRuleOperations;
import dev.iotctl.local.http.data.GatewayPublisher;
import dev.iotctl.local.http.data.LiveNamedShadows;
import dev.iotctl.local.http.data.PublishOperation;
import dev.iotctl.local.http.data.RetainedMessageOperations;
import dev.iotctl.local.http.data.ShadowOperations;
import dev.iotctl.local.http.data.ShadowServiceBackend;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.provisioning.ProvisioningService;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.shadow.ShadowService;
import java.time.Clock;
import java.util.List;

/** Every operation of the HTTP API, wired to the stand-in's registry, CA, shadows and gateway. */
public final class IotHttpOperations {
  private IotHttpOperations() {}

  /**
   * The control plane on {@code registry} and {@code ca}.
   *
   * @param account the region and account id the registry uses in ARNs
   * @param endpointHost what DescribeEndpoint answers (the host devices reach the stand-in at)
   */
  public static List<RouteProvider> controlPlane(
      Registry registry,
      RegistryConfig account,
      CertificateAuthority ca,
      String endpointHost,
      Clock clock) {
    return List.of(
        new ThingOperations(registry.things(), account),
        new ThingTypeOperations(registry.thingTypes(), registry.tags(), account),
        new ThingGroupOperations(registry.thingGroups(), registry.tags(), account),
        new CertificateOperations(registry.certificates(), ca, clock),
        new PolicyOperations(registry.policies(), registry.tags(), account),
        new PrincipalOperations(registry.thingPrincipals()),
        new PrincipalPolicyOperations(registry.policies()),
        new TopicRuleOperations(registry.topicRules(), registry.tags(), account),
        new TagOperations(registry.tags()),
        new LoggingOperations(registry.logging()),
        new dev.iotctl.local.http.control.TestAuthorizationOperation(registry, account),
        new EndpointOperations(endpointHost));
  }

  /**
   * The Jobs service: control-plane jobs and job templates, the {@code iot-jobs-data} plane under
   * {@code /jobs-data}, and pre-signed file downloads under {@code /files}.
   */
  public static List<RouteProvider> jobs(dev.iotctl.local.jobs.JobsService jobs) {
    return List.of(
        new dev.iotctl.local.jobs.http.JobsControlOperations(jobs),
        new dev.iotctl.local.jobs.http.JobTemplateOperations(jobs),
        new dev.iotctl.local.jobs.http.JobsDataOperations(jobs),
        new dev.iotctl.local.jobs.http.FileOperations(jobs.files(), jobs.presigner()));
  }

  /**
   * Provisioning: CA certificates and RegisterCertificate, provisioning templates, RegisterThing.
   */
  public static List<RouteProvider> provisioning(
      ProvisioningService provisioning, Registry registry, RegistryConfig account) {
    return List.of(
        new CaCertificateOperations(
            provisioning.caCertificates(), registry.certificates(), account),
        new ProvisioningTemplateOperations(
            provisioning.templates(), provisioning.caCertificates(), account),
        new RegisterThingOperation(provisioning.provisioner()),
        new ThingRegistrationTaskOperations(provisioning.registrationTasks()));
  }

  /**
   * The data plane: shadows through {@code shadows} (the service the MQTT bridge uses, stored in
   * {@code storage}), Publish through {@code gateway}.
   */
  public static List<RouteProvider> dataPlane(
      ShadowService shadows,
      dev.iotctl.local.registry.ShadowStore storage,
      DeviceGateway gateway,
      Clock clock) {
    return List.of(
        new ShadowOperations(
            new ShadowServiceBackend(shadows, new LiveNamedShadows(storage)), clock),
        new PublishOperation(new GatewayPublisher(gateway, shadows)),
        new RetainedMessageOperations(gateway.retainedMessages()));
  }
}
