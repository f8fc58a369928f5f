package dev.iotctl.core.shadow;

/** AWS's Device Shadow error message texts ("Device Shadow error messages", developer guide). */
final class ShadowMessages {
  static final String INVALID_JSON = "Invalid JSON";
  static final String MISSING_STATE = "Missing required node: state";
  static final String STATE_NOT_OBJECT = "State node must be an object";
  static final String DESIRED_NOT_OBJECT = "Desired node must be an object";
  static final String REPORTED_NOT_OBJECT = "Reported node must be an object";
  static final String INVALID_VERSION = "Invalid version";
  static final String INVALID_CLIENT_TOKEN = "Invalid clientToken";
  static final String TOO_DEEP = "JSON contains too many levels of nesting; maximum is 6";
  static final String INVALID_NODE = "State contains an invalid node";
  static final String VERSION_CONFLICT = "Version conflict";
  static final String TOO_LARGE = "The payload exceeds the maximum size allowed";
  static final String UNSUPPORTED_ENCODING =
      "Unsupported documented encoding; supported encoding is UTF-8";

  private ShadowMessages() {}

  /** AWS quotes the name; for a classic shadow the name is the thing's. */
  static String noShadow(String name) {
    return "No shadow exists with name: '" + name + "'";
  }
}
