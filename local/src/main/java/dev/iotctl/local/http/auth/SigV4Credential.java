package dev.iotctl.local.http.auth;

/**
 * The credential scope a SigV4-signed request names: who signs, when, where, for which service.
 *
 * @param accessKeyId the access key id (any well-formed value is accepted locally)
 * @param date the scope date, {@code yyyyMMdd}
 * @param region the scope region, e.g. {@code us-east-1}
 * @param service the signing name, e.g. {@code execute-api} or {@code iotdata}
 */
public record SigV4Credential(String accessKeyId, String date, String region, String service) {}
