package dev.iotctl.local.gateway;

/** The resource ARNs the message broker authorizes against. */
record IotResources(String region, String accountId) {

  String client(String clientId) {
    return arn("client/" + clientId);
  }

  String topic(String topic) {
    return arn("topic/" + topic);
  }

  String topicFilter(String filter) {
    return arn("topicfilter/" + filter);
  }

  private String arn(String resource) {
    return "arn:aws:iot:" + region + ":" + accountId + ":" + resource;
  }
}
