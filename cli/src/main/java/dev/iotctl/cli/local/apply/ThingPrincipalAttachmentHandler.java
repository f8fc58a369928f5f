package dev.iotctl.cli.local.apply;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import software.amazon.awssdk.services.iot.IotClient;

/** {@code AWS::IoT::ThingPrincipalAttachment}: AttachThingPrincipal / DetachThingPrincipal. */
final class ThingPrincipalAttachmentHandler implements ResourceHandler {
  private final IotClient iot;

  ThingPrincipalAttachmentHandler(IotClient iot) {
    this.iot = iot;
  }

  @Override
  public Physical create(String name, JsonNode properties) {
    String thing = Sdk.required(properties, "ThingName");
    String principal = Sdk.required(properties, "Principal");
    String type = Sdk.text(properties, "ThingPrincipalType");
    iot.attachThingPrincipal(r -> r.thingName(thing).principal(principal).thingPrincipalType(type));
    return new Physical(thing + "|" + principal, Map.of());
  }

  @Override
  public void update(AppliedResource applied, JsonNode properties) {
    throw new IllegalStateException("attachments are replaced, never updated");
  }

  @Override
  public boolean exists(AppliedResource applied) {
    String thing = Sdk.required(applied.properties(), "ThingName");
    String principal = Sdk.required(applied.properties(), "Principal");
    Boolean attached =
        Sdk.orNull(
            () ->
                iot.listThingPrincipalsPaginator(r -> r.thingName(thing)).principals().stream()
                    .anyMatch(principal::equals));
    return Boolean.TRUE.equals(attached);
  }

  @Override
  public void delete(AppliedResource applied) {
    String thing = Sdk.required(applied.properties(), "ThingName");
    String principal = Sdk.required(applied.properties(), "Principal");
    Sdk.ignoringNotFound(
        () -> iot.detachThingPrincipal(r -> r.thingName(thing).principal(principal)));
  }
}
