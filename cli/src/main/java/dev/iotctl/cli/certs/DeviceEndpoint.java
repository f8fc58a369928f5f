package dev.iotctl.cli.certs;

import dev.iotctl.cli.aws.AwsClients;
import dev.iotctl.cli.aws.LocalTarget;
import dev.iotctl.cli.framework.CliException;
import dev.iotctl.cli.framework.ExitCodes;
import dev.iotctl.local.StandInFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.iot.model.DescribeEndpointRequest;

/**
 * Where devices connect and which root CA they trust: the account's ATS endpoint with Amazon Root
 * CA 1 (shipped inside iotctl: devices must not depend on a download), or the stand-in's MQTT
 * listener with its own CA, and its {@code endpoint.json} for the port it has when it runs again.
 *
 * @param endpointFile the stand-in's {@code endpoint.json} (absolute), or null on AWS
 */
public record DeviceEndpoint(String host, int port, String rootCaPem, Path endpointFile) {

  public static DeviceEndpoint of(AwsClients clients) {
    if (clients.target().isLocal()) {
      LocalTarget local = clients.target().local();
      try {
        return new DeviceEndpoint(
            local.endpoint().mqttHost(),
            local.endpoint().mqttPort(),
            Files.readString(local.endpoint().rootCaPath()),
            new StandInFiles(local.dataDir()).endpoint().toAbsolutePath().normalize());
      } catch (IOException e) {
        throw new CliException(
            ExitCodes.FAILURE, "cannot read the stand-in's root CA: " + e.getMessage());
      }
    }
    String host =
        clients
            .iot()
            .describeEndpoint(
                DescribeEndpointRequest.builder().endpointType("iot:Data-ATS").build())
            .endpointAddress();
    return new DeviceEndpoint(host, 8883, amazonRootCa1(), null);
  }

  static String amazonRootCa1() {
    try (InputStream in = DeviceEndpoint.class.getResourceAsStream("/certs/AmazonRootCA1.pem")) {
      if (in == null) {
        throw new IllegalStateException("AmazonRootCA1.pem is missing from the iotctl jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
