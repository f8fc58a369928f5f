package dev.iotctl.device.mqtt;

/** A connect, publish or subscribe failure; the cause carries the transport or TLS detail. */
public class DeviceConnectionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DeviceConnectionException(String message, Throwable cause) {
    super(message, cause);
  }

  public DeviceConnectionException(String message) {
    super(message);
  }
}
