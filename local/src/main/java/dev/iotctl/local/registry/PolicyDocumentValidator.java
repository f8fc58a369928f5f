package dev.iotctl.local.registry;

/**
 * Checks a policy document before it is stored; throws {@code MalformedPolicyException} (an {@link
 * dev.iotctl.core.error.IotException}) when AWS would refuse it. The stand-in plugs in the policy
 * engine's parser; {@link #JSON_OBJECT} only checks that the document is a JSON object.
 */
@FunctionalInterface
public interface PolicyDocumentValidator {
  void validate(String document);

  /** Accepts any JSON object. */
  PolicyDocumentValidator JSON_OBJECT =
      document -> {
        if (!Json.isObject(document)) {
          throw dev.iotctl.core.error.IotException.malformedPolicy("Policy document is malformed");
        }
      };
}
