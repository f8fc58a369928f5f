package dev.iotctl.local.jobs;

import dev.iotctl.core.error.IotException;
import dev.iotctl.core.topic.IotNames;
import dev.iotctl.local.registry.RegistryConfig;

/** The ARNs the Jobs service uses: jobs, job templates, and thing and thing-group targets. */
final class ArnNames {
  /** A target of a job: a thing or a thing group. */
  record Target(boolean group, String name) {}

  private final RegistryConfig account;

  ArnNames(RegistryConfig account) {
    this.account = account;
  }

  String job(String jobId) {
    return account.arn("job", jobId);
  }

  String template(String templateId) {
    return account.arn("jobtemplate", templateId);
  }

  String thing(String thingName) {
    return account.arn("thing", thingName);
  }

  String group(String groupName) {
    return account.arn("thinggroup", groupName);
  }

  /**
   * The thing or group a target ARN names in this account and region.
   *
   * @throws IotException InvalidRequestException for anything else
   */
  Target target(String arn) {
    if (arn != null && arn.length() <= 2048) {
      String thingPrefix = account.arn("thing", "");
      String groupPrefix = account.arn("thinggroup", "");
      if (arn.startsWith(thingPrefix)) {
        String name = arn.substring(thingPrefix.length());
        if (IotNames.isValidThingName(name)) {
          return new Target(false, name);
        }
      } else if (arn.startsWith(groupPrefix)) {
        String name = arn.substring(groupPrefix.length());
        if (IotNames.THING_GROUP_NAME.isValid(name)) {
          return new Target(true, name);
        }
      }
    }
    throw IotException.invalidRequest(
        "Invalid target "
            + arn
            + ": targets must be thing or thing group ARNs of this account and region");
  }

  /** The id of {@code arnOrId} when it is this account's job template ARN. */
  String templateId(String arn) {
    String prefix = account.arn("jobtemplate", "");
    if (arn == null || !arn.startsWith(prefix) || arn.length() == prefix.length()) {
      throw IotException.invalidRequest("Invalid jobTemplateArn: " + arn);
    }
    return arn.substring(prefix.length());
  }

  /** The id of a job ARN of this account. */
  String jobId(String arn) {
    String prefix = account.arn("job", "");
    if (arn == null || !arn.startsWith(prefix) || arn.length() == prefix.length()) {
      throw IotException.invalidRequest("Invalid jobArn: " + arn);
    }
    return arn.substring(prefix.length());
  }
}
