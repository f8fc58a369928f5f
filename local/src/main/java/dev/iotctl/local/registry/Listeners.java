package dev.iotctl.local.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The registered {@link RegistryListener}s; a failing listener does not stop the others. */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

  void add(RegistryListener listener) {
    listeners.add(listener);
  }

  void remove(RegistryListener listener) {
    listeners.remove(listener);
  }

  void fire(Consumer<RegistryListener> event) {
    for (RegistryListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        LOG.warn("a registry listener failed", e);
      }
    }
  }
}
