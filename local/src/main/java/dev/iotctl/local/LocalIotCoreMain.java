package dev.iotctl.local;

import dev.iotctl.local.http.LocalHttpApiFactory;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the stand-in (MQTT and the HTTP API) until the process is stopped: {@code DATA_DIR
 * [MQTT_PORT [HTTP_PORT]]}. Prints one readiness line with the startup time; a shutdown hook closes
 * it cleanly on SIGTERM/Ctrl-C. A data directory another stand-in runs on is refused with exit code
 * 4, the CLI's conflict code. The CLI's {@code iotctl local up} is the full front end; this is the
 * bare process.
 */
public final class LocalIotCoreMain {
  /** The exit code when the data directory is taken (the CLI's conflict code). */
  static final int ALREADY_RUNNING = 4;

  private LocalIotCoreMain() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: LocalIotCoreMain DATA_DIR [MQTT_PORT [HTTP_PORT]]");
      System.exit(2);
    }
    int mqttPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    int httpPort = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    LocalIotCore core;
    try {
      core =
          LocalIotCore.start(
              LocalIotCoreConfig.defaults(Path.of(args[0]))
                  .withPorts(mqttPort, httpPort)
                  .withHttpApi(new LocalHttpApiFactory()));
    } catch (StandInAlreadyRunningException e) {
      System.err.println(e.getMessage());
      System.exit(ALREADY_RUNNING);
      return;
    }
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
            + ", http "
            + core.httpUrl().map(Object::toString).orElse("-")
            + ", endpoint "
            + core.endpointFile());
    System.out.flush();
    stopped.await();
  }
}
