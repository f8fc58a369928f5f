package dev.iotctl.core.topic;

/** Which AWS service a topic belongs to, judged by its reserved {@code $aws/…} prefix. */
public enum ReservedTopicFamily {
  /** Does not start with {@code $}: an application topic. */
  NOT_RESERVED,
  /** {@code $aws/things/{thing}/shadow/…}: Device Shadow service. */
  SHADOW,
  /** {@code $aws/things/{thing}/jobs/…}: Jobs device API. */
  JOBS,
  /** {@code $aws/things/{thing}/defender/metrics/…}: Device Defender metrics. */
  DEFENDER,
  /** {@code $aws/things/{thing}/tunnels/notify}: Secure tunneling. */
  TUNNELS,
  /** {@code $aws/things/{thing}/streams/…}: MQTT-based file delivery. */
  STREAMS,
  /** {@code $aws/rules/{ruleName}/…}: Basic Ingest, straight to a rule. */
  BASIC_INGEST,
  /** {@code $aws/events/presence/connected|disconnected/{clientId}}. */
  PRESENCE_EVENTS,
  /** {@code $aws/events/subscriptions/subscribed|unsubscribed/{clientId}}. */
  SUBSCRIPTION_EVENTS,
  /** {@code $aws/events/thing|thingGroup|thingType…/…}: registry events. */
  REGISTRY_EVENTS,
  /** {@code $aws/events/job|jobExecution/…}: job events. */
  JOB_EVENTS,
  /** {@code $aws/events/certificates/registered/{caCertificateId}}. */
  CERTIFICATE_EVENTS,
  /** {@code $aws/certificates/create…} and {@code $aws/provisioning-templates/…}. */
  FLEET_PROVISIONING,
  /** {@code $aws/sitewise/…}. */
  SITEWISE,
  /** Starts with {@code $} but is none of the above: reserved, unknown to the toolkit. */
  OTHER_RESERVED
}
