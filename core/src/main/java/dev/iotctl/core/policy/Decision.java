package dev.iotctl.core.policy;

/** Outcome of evaluating policies for one request, in AWS's vocabulary. */
public enum Decision {
  /** At least one statement allows the request and none denies it. */
  ALLOWED,
  /** A matching {@code Deny} statement; it wins over every {@code Allow}. */
  EXPLICIT_DENY,
  /** No statement matched: the default is deny. */
  IMPLICIT_DENY
}
