package dev.iotctl.cdk.iot;

import java.nio.file.Path;

/**
 * Props for {@link DeviceCertificate}: exactly one of a CSR file (AWS IoT signs it) or a
 * certificate PEM file (registered, with its CA certificate or SNI_ONLY without one).
 */
public final class DeviceCertificateProps {
  private final String description;
  private final Path csrFile;
  private final Path certificateFile;
  private final Path caCertificateFile;
  private final String status;

  private DeviceCertificateProps(Builder b) {
    this.description = b.description;
    this.csrFile = b.csrFile;
    this.certificateFile = b.certificateFile;
    this.caCertificateFile = b.caCertificateFile;
    this.status = b.status == null ? "ACTIVE" : b.status;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What the certificate is for, in messages (e.g. "thing 'sensor-001'"); null: its path. */
  public String getDescription() {
    return description;
  }

  /** A PEM certificate signing request, or null. */
  public Path getCsrFile() {
    return csrFile;
  }

  /** A PEM device certificate to register, or null. */
  public Path getCertificateFile() {
    return certificateFile;
  }

  /** The PEM certificate of the CA that issued {@link #getCertificateFile()}, or null. */
  public Path getCaCertificateFile() {
    return caCertificateFile;
  }

  /** ACTIVE or INACTIVE. */
  public String getStatus() {
    return status;
  }

  /** Builder for {@link DeviceCertificateProps}. */
  public static final class Builder {
    private String description;
    private Path csrFile;
    private Path certificateFile;
    private Path caCertificateFile;
    private String status;

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder csrFile(Path csrFile) {
      this.csrFile = csrFile;
      return this;
    }

    public Builder certificateFile(Path certificateFile) {
      this.certificateFile = certificateFile;
      return this;
    }

    public Builder caCertificateFile(Path caCertificateFile) {
      this.caCertificateFile = caCertificateFile;
      return this;
    }

    public Builder status(String status) {
      this.status = status;
      return this;
    }

    public DeviceCertificateProps build() {
      return new DeviceCertificateProps(this);
    }
  }
}
