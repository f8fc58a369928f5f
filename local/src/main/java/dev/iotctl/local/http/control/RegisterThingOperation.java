package dev.iotctl.local.http.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.provisioning.ProvisioningTemplate;
import dev.iotctl.local.http.json.Fields;
import dev.iotctl.local.http.json.Json;
import dev.iotctl.local.http.server.ApiRequest;
import dev.iotctl.local.http.server.ApiResponse;
import dev.iotctl.local.http.server.Plane;
import dev.iotctl.local.http.server.Route;
import dev.iotctl.local.http.server.RouteProvider;
import dev.iotctl.local.provisioning.TemplateProvisioner;
import dev.iotctl.local.provisioning.TemplateProvisioner.Provisioned;
import java.util.List;
import java.util.Map;

/** RegisterThing: provisions one device from a template body and parameters (trusted user). */
public final class RegisterThingOperation implements RouteProvider {
  private final TemplateProvisioner provisioner;

  public RegisterThingOperation(TemplateProvisioner provisioner) {
    this.provisioner = provisioner;
  }

  @Override
  public List<Route> routes() {
    return List.of(Route.of("POST", "/things", "RegisterThing", Plane.CONTROL, this::register));
  }

  private ApiResponse register(ApiRequest request) {
    ObjectNode body = Json.parseObject(request.body());
    ProvisioningTemplate template =
        ProvisioningTemplate.parse(Fields.requiredString(body, "templateBody"));
    Map<String, String> parameters = Fields.stringMap(body, "parameters").orElse(Map.of());
    Provisioned provisioned = provisioner.register(template, parameters);
    ObjectNode response = Json.object();
    provisioned.certificatePem().ifPresent(pem -> response.put("certificatePem", pem));
    response.set("resourceArns", Responses.stringMap(provisioned.resourceArns()));
    return Responses.ok(response);
  }
}
