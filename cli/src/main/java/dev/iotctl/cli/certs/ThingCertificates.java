package dev.iotctl.cli.certs;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iot.IotClient;

/** The certificates attached to a thing, by id (its other principals, e.g. Cognito, skipped). */
final class ThingCertificates {
  private static final String CERT = ":cert/";

  private ThingCertificates() {}

  static List<String> idsOf(IotClient iot, String thing) {
    List<String> ids = new ArrayList<>();
    for (String principal :
        iot.listThingPrincipalsPaginator(r -> r.thingName(thing)).principals()) {
      int at = principal.indexOf(CERT);
      if (at >= 0) {
        ids.add(principal.substring(at + CERT.length()));
      }
    }
    return ids;
  }
}
