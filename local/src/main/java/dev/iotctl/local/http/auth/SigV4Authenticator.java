package dev.iotctl.local.http.auth;

import dev.iotctl.core.error.IotException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks that a request carries a well-formed AWS Signature Version 4, in the {@code Authorization}
 * header or as presigned query parameters, scoped to one of the expected signing names.
 *
 * <p>The stand-in has no secrets, so the signature itself is not verified: any well-formed dummy
 * credentials are accepted, which is what {@code --endpoint-url} users with {@code
 * AWS_ACCESS_KEY_ID=dummy} need. Requests without any signature are refused with API Gateway's
 * {@code MissingAuthenticationTokenException} (403) as on AWS, unless the server is configured to
 * allow unsigned requests (for curl).
 */
public final class SigV4Authenticator {
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern DATE = Pattern.compile("\\d{8}");

  private final boolean allowUnsigned;

  public SigV4Authenticator(boolean allowUnsigned) {
    this.allowUnsigned = allowUnsigned;
  }

  /**
   * The credential of a request, or empty for an allowed unsigned request.
   *
   * @param authorization the Authorization header, if sent
   * @param query decoded presign parameters lookup ({@code X-Amz-Credential} …)
   * @param signingNames the signing names the addressed service accepts
   * @throws IotException 403 when the signature is missing, incomplete or scoped elsewhere
   */
  public Optional<SigV4Credential> authenticate(
      Optional<String> authorization,
      java.util.function.Function<String, Optional<String>> query,
      Set<String> signingNames) {
    SigV4Credential credential;
    if (authorization.isPresent()) {
      credential = fromHeader(authorization.get());
    } else if (query.apply("X-Amz-Credential").isPresent()) {
      credential = fromPresignedQuery(query);
    } else if (allowUnsigned) {
      return Optional.empty();
    } else {
      throw new IotException(
          "MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }
    if (!signingNames.contains(credential.service())) {
      throw new IotException(
          "InvalidSignatureException",
          403,
          "Credential should be scoped to correct service: '"
              + signingNames.iterator().next()
              + "'. ");
    }
    return Optional.of(credential);
  }

  private static SigV4Credential fromHeader(String header) {
    String trimmed = header.trim();
    if (!trimmed.startsWith(ALGORITHM + " ")) {
      throw incomplete(
          "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
              + " Authorization="
              + trimmed);
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : trimmed.substring(ALGORITHM.length() + 1).split(",")) {
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw incomplete(
            "'"
                + part.trim()
                + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + trimmed
                + "'.");
      }
      parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
    }
    StringBuilder missing = new StringBuilder();
    for (String required : new String[] {"Credential", "Signature", "SignedHeaders"}) {
      if (!parts.containsKey(required)) {
        missing.append("Authorization header requires '").append(required).append("' parameter. ");
      }
    }
    if (missing.length() > 0) {
      throw incomplete(missing + "Authorization=" + trimmed);
    }
    checkSignature(parts.get("Signature"));
    return credential(parts.get("Credential"));
  }

  private static SigV4Credential fromPresignedQuery(
      java.util.function.Function<String, Optional<String>> query) {
    if (!query.apply("X-Amz-Algorithm").map(ALGORITHM::equals).orElse(false)) {
      throw incomplete("Unsupported or missing X-Amz-Algorithm query parameter.");
    }
    checkSignature(
        query.apply("X-Amz-Signature").orElseThrow(() -> incomplete("Missing X-Amz-Signature.")));
    return credential(query.apply("X-Amz-Credential").orElseThrow());
  }

  private static void checkSignature(String signature) {
    if (!SIGNATURE.matcher(signature).matches()) {
      throw incomplete("Signature '" + signature + "' is not 64 lower-case hexadecimal digits.");
    }
  }

  private static SigV4Credential credential(String scope) {
    String[] fields = scope.split("/", -1);
    if (fields.length != 5
        || fields[0].isEmpty()
        || !DATE.matcher(fields[1]).matches()
        || fields[2].isEmpty()
        || fields[3].isEmpty()
        || !fields[4].equals("aws4_request")) {
      throw incomplete(
          "Credential '"
              + scope
              + "' is not of the form <key>/<yyyyMMdd>/<region>/<service>/aws4_request.");
    }
    return new SigV4Credential(fields[0], fields[1], fields[2], fields[3]);
  }

  private static IotException incomplete(String message) {
    return new IotException("IncompleteSignatureException", 403, message);
  }
}
