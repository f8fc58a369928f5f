package dev.iotctl.cli.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.cli.framework.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.DeleteThingShadowRequest;
import software.amazon.awssdk.services.iotdataplane.model.GetThingShadowRequest;
import software.amazon.awssdk.services.iotdataplane.model.ListNamedShadowsForThingRequest;
import software.amazon.awssdk.services.iotdataplane.model.ListNamedShadowsForThingResponse;
import software.amazon.awssdk.services.iotdataplane.model.UpdateThingShadowRequest;

/** Device Shadow operations over the data plane, returning documents as the service sent them. */
public final class ShadowTool {
  private final IotDataPlaneClient data;

  public ShadowTool(IotDataPlaneClient data) {
    this.data = data;
  }

  public byte[] get(String thing, String shadowName) {
    return data.getThingShadow(
            GetThingShadowRequest.builder().thingName(thing).shadowName(shadowName).build())
        .payload()
        .asByteArray();
  }

  public byte[] update(String thing, String shadowName, byte[] document) {
    return data.updateThingShadow(
            UpdateThingShadowRequest.builder()
                .thingName(thing)
                .shadowName(shadowName)
                .payload(SdkBytes.fromByteArray(document))
                .build())
        .payload()
        .asByteArray();
  }

  public byte[] delete(String thing, String shadowName) {
    return data.deleteThingShadow(
            DeleteThingShadowRequest.builder().thingName(thing).shadowName(shadowName).build())
        .payload()
        .asByteArray();
  }

  /** All named shadows of a thing, following {@code nextToken}. */
  public List<String> list(String thing) {
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      ListNamedShadowsForThingResponse page =
          data.listNamedShadowsForThing(
              ListNamedShadowsForThingRequest.builder().thingName(thing).nextToken(token).build());
      names.addAll(page.results());
      token = page.nextToken();
    } while (token != null);
    return names;
  }

  /**
   * Builds an update request document: {@code {"state":{section: state}, "version": v}}.
   *
   * @param section {@code desired} or {@code reported}
   */
  public static byte[] updateDocument(String section, JsonNode state, Long version) {
    ObjectNode doc = Json.MAPPER.createObjectNode();
    doc.putObject("state").set(section, state);
    if (version != null) {
      doc.put("version", version);
    }
    return toBytes(doc);
  }

  /** Adds or replaces {@code version} in a full document given by the user. */
  public static byte[] withVersion(byte[] document, Long version) {
    if (version == null) {
      return document;
    }
    JsonNode doc = parse(document, "the shadow document");
    if (!doc.isObject()) {
      throw new CliException(ExitCodes.USAGE, "the shadow document must be a JSON object");
    }
    ((ObjectNode) doc).put("version", version);
    return toBytes(doc);
  }

  public static JsonNode parse(byte[] json, String what) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new CliException(
          ExitCodes.USAGE, what + " is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CliException(ExitCodes.USAGE, what + " cannot be read: " + e.getMessage());
    }
  }

  private static byte[] toBytes(JsonNode doc) {
    try {
      return Json.MAPPER
          .writer()
          .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
          .writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
