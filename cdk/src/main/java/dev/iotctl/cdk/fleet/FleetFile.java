package dev.iotctl.cdk.fleet;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads {@code fleet.yaml} strictly: unknown keys, duplicate keys, wrong types and missing required
 * keys fail with the offending key path (e.g. {@code things[2].certificate.csrr}).
 */
public final class FleetFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private FleetFile() {}

  /** Loads the fleet file at {@code file}; relative paths inside it resolve against its folder. */
  public static Fleet load(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String text;
    try {
      text = Files.readString(absolute);
    } catch (IOException e) {
      throw new FleetFileException(file + ": cannot read fleet file: " + e, e);
    }
    return new Fleet(parse(file.toString(), text), absolute.getParent());
  }

  /** Parses fleet-file text; {@code source} names it in error messages. */
  public static FleetSpec parse(String source, String yaml) {
    try {
      FleetSpec spec = YAML.readValue(yaml, FleetSpec.class);
      if (spec == null) {
        throw new FleetFileException(source + ": the fleet file is empty", null);
      }
      return spec;
    } catch (JsonMappingException e) {
      throw new FleetFileException(source + ": " + describe(e), e);
    } catch (JsonProcessingException e) {
      throw new FleetFileException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
    }
  }

  private static String describe(JsonMappingException e) {
    String path = path(e);
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .sorted()
              .collect(Collectors.joining(", "));
      String at = parentPath(e);
      return "unknown key '"
          + u.getPropertyName()
          + "'"
          + (at.isEmpty() ? " at the top level" : " at " + at)
          + " (known keys: "
          + known
          + ")";
    }
    if (e instanceof InvalidTypeIdException t) {
      return "unknown rule action '"
          + t.getTypeId()
          + "' at "
          + path
          + " (known actions: republish, lambda, dynamoDBv2, s3, kinesis, firehose, sqs, sns,"
          + " cloudwatchMetric, cloudwatchLogs, iotAnalytics, iotEvents, timestream, http)";
    }
    if (e instanceof ValueInstantiationException && e.getCause() != null) {
      return (path.isEmpty() ? "" : path + ": ") + e.getCause().getMessage();
    }
    return (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage();
  }

  /** The key path of the failure, e.g. {@code things[2].certificate}. */
  private static String path(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** The path of the object holding the unknown key (the full path minus the key itself). */
  private static String parentPath(JsonMappingException e) {
    String full = path(e);
    int dot = full.lastIndexOf('.');
    return dot < 0 ? "" : full.substring(0, dot);
  }
}
