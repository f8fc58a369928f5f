/**
 * The local IoT Core stand-in's HTTP API: AWS IoT's control plane ({@code iot}) and data plane
 * ({@code iot-data}) on one HTTP/1.1 port on 127.0.0.1, for the AWS CLI ({@code --endpoint-url}),
 * boto3 and the AWS SDKs ({@code endpointOverride}) with dummy credentials.
 *
 * <p>Sub-packages: {@code server} (Netty HTTP/1.1 with strict parsing, read deadlines, bounded
 * request line, headers and bodies, operations on a bounded worker pool; raw-path routing with
 * per-segment decoding), {@code auth} (SigV4 parsing), {@code error} (AWS's restJson error
 * rendering), {@code json} (binding and typed member reads), {@code quota} (AWS's default
 * control-plane TPS as token buckets, opt-in), {@code control} and {@code data} (the operations,
 * translating HTTP to the registry, CA, policy engine and shadow service — no registry logic lives
 * here).
 *
 * <p>Decisions where AWS's documentation is silent:
 *
 * <ul>
 *   <li>Requests must carry a well-formed SigV4 signature (header or presigned query) scoped to
 *       {@code execute-api}/{@code iot} (control) or {@code iotdata}/{@code iotdevicegateway}
 *       (data); the signature is not verified. Missing: 403 {@code
 *       MissingAuthenticationTokenException}; malformed: 403 {@code IncompleteSignatureException};
 *       wrong service: 403 {@code InvalidSignatureException} (API Gateway's answers). {@link
 *       dev.iotctl.local.http.HttpApiConfig#allowUnsigned()} admits unsigned requests for curl.
 *   <li>An unknown path, or a known control-plane path with another method: 403 {@code
 *       MissingAuthenticationTokenException} "Missing Authentication Token" (API Gateway's answer
 *       for a route it does not know); a known data-plane path with another method: 405 {@code
 *       MethodNotAllowedException}.
 *   <li>Bad JSON, wrong member types, out-of-range query values: 400 {@code
 *       InvalidRequestException}; bodies over 128 KB (data) or 1 MB (control): 413 {@code
 *       RequestEntityTooLargeException}; a shadow update with a {@code Content-Encoding}: 415.
 *   <li>Requests that are not valid HTTP/1.1 get AWS-shaped errors too (the {@code
 *       x-amzn-ErrorType} header and a JSON body): 400 {@code InvalidRequestException}, 414 for a
 *       request line over 16 KB, 431 for headers over 32 KB, 408 {@code RequestTimeoutException}
 *       when the headers take over 10 s or the body over 20 s; see {@code local/README.md}.
 *   <li>DescribeEndpoint answers the same host ({@code 127.0.0.1}) for every endpoint type.
 *   <li>Timestamps are epoch seconds with milliseconds as the fraction.
 * </ul>
 */
package dev.iotctl.local.http;
