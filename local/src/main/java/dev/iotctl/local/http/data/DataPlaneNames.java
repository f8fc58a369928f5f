package dev.iotctl.local.http.data;

import dev.iotctl.core.shadow.ShadowException;
import dev.iotctl.core.topic.IotLimits;
import java.util.regex.Pattern;

/** Validation of thing and shadow names on the data plane (AWS: {@code [a-zA-Z0-9:_-]+}). */
final class DataPlaneNames {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9:_-]+");

  private DataPlaneNames() {}

  static String thingName(String name) {
    if (name.length() > IotLimits.THING_NAME_MAX_LENGTH || !NAME.matcher(name).matches()) {
      throw new ShadowException(400, "Invalid thing name", null);
    }
    return name;
  }

  static String shadowName(String name) {
    if (name.length() > IotLimits.SHADOW_NAME_MAX_LENGTH || !NAME.matcher(name).matches()) {
      throw new ShadowException(400, "Invalid shadow name", null);
    }
    return name;
  }
}
