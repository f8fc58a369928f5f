package dev.iotctl.local.gateway;

import dev.iotctl.core.policy.IotArns;

/** The resource ARNs the message broker authorizes against, in this stand-in's region/account. */
record IotResources(String region, String accountId) {

  String client(String clientId) {
    return IotArns.client(region, accountId, clientId);
  }

  String topic(String topic) {
    return IotArns.topic(region, accountId, topic);
  }

  String topicFilter(String filter) {
    return IotArns.topicFilter(region, accountId, filter);
  }
}
