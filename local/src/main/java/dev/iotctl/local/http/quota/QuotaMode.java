package dev.iotctl.local.http.quota;

/** Whether the stand-in throttles the control plane like AWS does ({@code --quotas aws}). */
public enum QuotaMode {
  /** No throttling (the default: local tests run as fast as the machine allows). */
  NONE,
  /** Each control-plane operation limited to AWS's default requests per second. */
  AWS
}
