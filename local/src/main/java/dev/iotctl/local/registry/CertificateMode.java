package dev.iotctl.local.registry;

/**
 * How a certificate was registered: {@code DEFAULT} when issued by the stand-in's CA or a
 * registered CA, {@code SNI_ONLY} when registered without a CA (RegisterCertificateWithoutCA).
 */
public enum CertificateMode {
  DEFAULT,
  SNI_ONLY
}
