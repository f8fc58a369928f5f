package dev.iotctl.local;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in (MQTT only) until the process is stopped: {@code DATA_DIR [MQTT_PORT]}. Prints
 * one readiness line with the startup time; a shutdown hook closes it cleanly on SIGTERM/Ctrl-C.
 * The CLI's {@code iotctl local start} is the full front end; this is the bare process.
 */
public final class LocalIotCoreMain {
  private LocalIotCoreMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: LocalIotCoreMain DATA_DIR [MQTT_PORT]");
      System.exit(2);
    }
    int mqttPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    LocalIotCore core =
        LocalIotCore.start(LocalIotCoreConfig.defaults(Path.of(args[0])).withPorts(mqttPort, 0));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  core.close();
                  stopped.countDown();
                }));
    System.out.println(
        "ready in "
            + core.startupTime().toMillis()
            + " ms: mqtt 127.0.0.1:"
            + core.mqttPort()
            + ", endpoint "
            + core.endpointFile());
    System.out.flush();
    stopped.await();
  }
}
