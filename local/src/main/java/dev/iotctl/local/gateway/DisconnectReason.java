package dev.iotctl.local.gateway;

/** The {@code disconnectReason} values of AWS IoT's lifecycle events that the gateway reports. */
public enum DisconnectReason {
  /** Authentication or authorization failed, incl. revocation and policy changes. */
  AUTH_ERROR,
  /** The client sent DISCONNECT. */
  CLIENT_INITIATED_DISCONNECT,
  /** A protocol error, e.g. a second CONNECT on one connection. */
  CLIENT_ERROR,
  /** The connection was cut without a DISCONNECT. */
  CONNECTION_LOST,
  /** Another connection took over this client id. */
  DUPLICATE_CLIENTID,
  /** The stand-in is shutting down. */
  SERVER_INITIATED_DISCONNECT
}
