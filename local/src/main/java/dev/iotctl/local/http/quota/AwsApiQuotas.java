package dev.iotctl.local.http.quota;

import java.util.Map;
import java.util.Optional;

/**
 * AWS IoT Core's default control-plane rate quotas (requests per second per account and Region),
 * per operation.
 *
 * <p>Sources: values marked SQ are the defaults AWS's Service Quotas service lists for {@code
 * iotcore} ("&lt;Operation&gt; API TPS", quota codes L-…), the same table as "AWS IoT Core
 * endpoints and quotas" → "API throttling limits" in the AWS General Reference. Values marked GR
 * come from that General Reference table as recalled; they could not be re-read from the
 * documentation here and are the least certain.
 */
public final class AwsApiQuotas {
  private AwsApiQuotas() {}

  private static final Map<String, Integer> TPS =
      Map.ofEntries(
          // Things, types, groups (SQ)
          Map.entry("CreateThing", 100), // L-64CBACAC
          Map.entry("DescribeThing", 350), // L-0EF0F5EE
          Map.entry("UpdateThing", 100), // L-211F680E
          Map.entry("DeleteThing", 100), // L-889800F7
          Map.entry("ListThings", 10), // L-57AAC135
          Map.entry("CreateThingType", 15), // L-8650816F
          Map.entry("DescribeThingType", 100), // L-DDCF8E97
          Map.entry("ListThingTypes", 10), // L-F9EBF527
          Map.entry("CreateThingGroup", 25), // L-512F449C
          Map.entry("DescribeThingGroup", 100), // L-52E1E197
          Map.entry("ListThingGroups", 10), // L-1E5260D6
          Map.entry("AddThingToThingGroup", 100), // L-2904683A
          Map.entry("RemoveThingFromThingGroup", 100), // L-2A81A394
          Map.entry("ListThingsInThingGroup", 25), // L-D33FD5F9
          // Principals (SQ)
          Map.entry("AttachThingPrincipal", 100), // L-F64D1AA6
          Map.entry("DetachThingPrincipal", 100), // L-B5EE4A16
          Map.entry("ListThingPrincipals", 10), // L-FC3EF4D9
          Map.entry("ListPrincipalThings", 10), // L-C481616A
          // Certificates (GR)
          Map.entry("CreateKeysAndCertificate", 10),
          Map.entry("CreateCertificateFromCsr", 15),
          Map.entry("RegisterCertificateWithoutCA", 10),
          Map.entry("DescribeCertificate", 10),
          Map.entry("ListCertificates", 10),
          Map.entry("UpdateCertificate", 10),
          Map.entry("DeleteCertificate", 10),
          // Policies (GR)
          Map.entry("CreatePolicy", 10),
          Map.entry("GetPolicy", 10),
          Map.entry("ListPolicies", 10),
          Map.entry("DeletePolicy", 10),
          Map.entry("CreatePolicyVersion", 10),
          Map.entry("ListPolicyVersions", 10),
          Map.entry("SetDefaultPolicyVersion", 10),
          Map.entry("GetPolicyVersion", 15),
          Map.entry("DeletePolicyVersion", 10),
          Map.entry("AttachPolicy", 15),
          Map.entry("DetachPolicy", 15),
          Map.entry("ListAttachedPolicies", 15),
          Map.entry("ListTargetsForPolicy", 10),
          Map.entry("TestAuthorization", 10),
          // Rules (GR)
          Map.entry("CreateTopicRule", 5),
          Map.entry("GetTopicRule", 200),
          Map.entry("ListTopicRules", 1),
          Map.entry("ReplaceTopicRule", 5),
          Map.entry("DeleteTopicRule", 20),
          Map.entry("EnableTopicRule", 20),
          Map.entry("DisableTopicRule", 20),
          // Endpoint (GR; L-F30831DF)
          Map.entry("DescribeEndpoint", 10));

  /**
   * Device Shadow requests per second per thing (AWS IoT Device Shadow service quotas: "Maximum
   * number of API requests per thing per second", 20 by default).
   */
  public static final int SHADOW_REQUESTS_PER_THING = 20;

  /** AWS's default TPS for a control-plane {@code operation}, if it has one. */
  public static Optional<Integer> tps(String operation) {
    return Optional.ofNullable(TPS.get(operation));
  }

  /** Every operation with a quota. */
  public static Map<String, Integer> all() {
    return TPS;
  }
}
