package dev.iotctl.local.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.IntConsumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/**
 * A misbehaving client: MQTT 3.1.1 packets written byte by byte over a real mutual-TLS socket, so
 * tests can send what no well-behaved client library would (wrong protocol levels, abandoned
 * handshakes, malformed packets) and see exactly what the broker answers.
 */
public final class RawMqtt implements AutoCloseable {
  private final SSLSocket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawMqtt(SSLSocket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  /** Opens a TLS connection and completes the handshake; throws when the server refuses it. */
  public static RawMqtt open(int port, SSLContext tls) throws IOException {
    return open(port, tls, p -> {});
  }

  /** As {@link #open(int, SSLContext)}, telling {@code localPort} the client's port first. */
  public static RawMqtt open(int port, SSLContext tls, IntConsumer localPort) throws IOException {
    SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
    try {
      localPort.accept(socket.getLocalPort());
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(5000);
      socket.startHandshake();
      return new RawMqtt(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** The client's own port, as the server sees it in the peer address. */
  public int localPort() {
    return socket.getLocalPort();
  }

  public RawMqtt send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /** Sends CONNECT and returns the CONNACK's return code, or -1 when the server closed instead. */
  public int connect(String clientId) throws IOException {
    send(Packets.connect(clientId, 4, 60));
    byte[] packet = read(Duration.ofSeconds(5));
    if (packet == null) {
      return -1;
    }
    if ((packet[0] & 0xF0) != 0x20) {
      throw new IOException("expected CONNACK, got packet type " + ((packet[0] & 0xF0) >> 4));
    }
    return packet[3];
  }

  /**
   * Reads one packet (fixed header included); null when the server closed the connection.
   *
   * @throws SocketTimeoutException when nothing arrives within {@code timeout}
   */
  public byte[] read(Duration timeout) throws IOException {
    socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
    try {
      int first = in.read();
      if (first < 0) {
        return null;
      }
      ByteArrayOutputStream packet = new ByteArrayOutputStream();
      packet.write(first);
      int length = 0;
      int shift = 0;
      int b;
      do {
        b = in.read();
        if (b < 0) {
          return null;
        }
        packet.write(b);
        length |= (b & 0x7F) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      packet.write(in.readNBytes(length));
      return packet.toByteArray();
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (SSLException | SocketException e) {
      return null; // reset or TLS alert: the server is gone
    }
  }

  /**
   * Whether the server closes the connection within {@code timeout}, reading (and dropping) any
   * packets it sends meanwhile.
   */
  public boolean closedWithin(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        if (read(Duration.ofNanos(left)) == null) {
          return true;
        }
      } catch (SocketTimeoutException e) {
        return false;
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  /** MQTT 3.1.1 control packets as bytes. */
  public static final class Packets {
    private Packets() {}

    public static byte[] connect(String clientId, int protocolLevel, int keepAliveSeconds) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writeString(body, "MQTT");
      body.write(protocolLevel);
      body.write(0x02); // clean session
      body.write(keepAliveSeconds >> 8);
      body.write(keepAliveSeconds & 0xFF);
      if (protocolLevel == 5) {
        body.write(0); // no properties
      }
      writeString(body, clientId);
      return packet(0x10, body.toByteArray());
    }

    public static byte[] subscribe(int packetId, int qos, String... filters) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(packetId >> 8);
      body.write(packetId & 0xFF);
      for (String filter : filters) {
        writeString(body, filter);
        body.write(qos);
      }
      return packet(0x82, body.toByteArray());
    }

    public static byte[] publish(String topic, int qos, boolean retain, byte[] payload) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writeString(body, topic);
      if (qos > 0) {
        body.write(0);
        body.write(1);
      }
      body.writeBytes(payload);
      return packet(0x30 | (qos << 1) | (retain ? 1 : 0), body.toByteArray());
    }

    public static byte[] pingreq() {
      return new byte[] {(byte) 0xC0, 0};
    }

    public static byte[] disconnect() {
      return new byte[] {(byte) 0xE0, 0};
    }

    /** A packet with this first byte and body, the remaining length encoded as MQTT does. */
    public static byte[] packet(int firstByte, byte[] body) {
      ByteArrayOutputStream p = new ByteArrayOutputStream();
      p.write(firstByte);
      int length = body.length;
      do {
        int digit = length % 128;
        length /= 128;
        p.write(length > 0 ? digit | 0x80 : digit);
      } while (length > 0);
      p.writeBytes(body);
      return p.toByteArray();
    }

    static void writeString(ByteArrayOutputStream out, String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      out.write(bytes.length >> 8);
      out.write(bytes.length & 0xFF);
      out.writeBytes(bytes);
    }
  }
}
