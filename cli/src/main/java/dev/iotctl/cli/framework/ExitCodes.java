package dev.iotctl.cli.framework;

/**
 * Exit codes scripts can rely on. Each AWS failure class a script may want to branch on has its own
 * code; everything else is {@link #FAILURE}.
 */
public final class ExitCodes {
  public static final int OK = 0;

  /** Any failure without a more specific code. */
  public static final int FAILURE = 1;

  /** Bad command line: unknown option, missing argument, invalid value. */
  public static final int USAGE = 2;

  /** The thing, certificate, policy or shadow does not exist (ResourceNotFoundException). */
  public static final int NOT_FOUND = 3;

  /**
   * A conflict: a shadow or thing version conflict, a resource that already exists, or one that
   * cannot be deleted yet.
   */
  public static final int CONFLICT = 4;

  /** Throttled by the service even after retries (ThrottlingException, LimitExceeded). */
  public static final int THROTTLED = 5;

  /** Not authenticated or not authorized (credentials, IAM, IoT policy). */
  public static final int UNAUTHORIZED = 6;

  /** The request was rejected as invalid by the service (InvalidRequest, MalformedPolicy, ...). */
  public static final int INVALID_REQUEST = 7;

  /** The service or the local stand-in could not be reached. */
  public static final int UNREACHABLE = 8;

  private ExitCodes() {}

  /** Maps an AWS error code (exception name) to the exit code a script sees. */
  public static int forAwsErrorCode(String errorCode) {
    if (errorCode == null) {
      return FAILURE;
    }
    return switch (errorCode) {
      case "ResourceNotFoundException", "NotFoundException", "NoSuchEntityException" -> NOT_FOUND;
      case "ConflictException",
          "VersionConflictException",
          "ResourceAlreadyExistsException",
          "DeleteConflictException",
          "ConflictingResourceUpdateException",
          "CertificateStateException",
          "VersionsLimitExceededException" ->
          CONFLICT;
      case "ThrottlingException", "TooManyRequestsException", "LimitExceededException" -> THROTTLED;
      case "UnauthorizedException",
          "AccessDeniedException",
          "ForbiddenException",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "ExpiredTokenException" ->
          UNAUTHORIZED;
      case "InvalidRequestException",
          "MalformedPolicyException",
          "InvalidQueryException",
          "SqlParseException",
          "ValidationException",
          "RequestEntityTooLargeException",
          "UnsupportedDocumentEncodingException",
          "MethodNotAllowedException",
          "CertificateValidationException" ->
          INVALID_REQUEST;
      default -> FAILURE;
    };
  }
}
