package dev.iotctl.local.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobsTopic;
import dev.iotctl.local.store.Transaction;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Works out the {@code notify} and {@code notify-next} pushes a transaction causes: it records each
 * touched thing's pending executions before the change and compares them with those after. {@code
 * notify} goes out when a job joined or left the pending list, {@code notify-next} when the next
 * pending execution is another one (or there is none any more).
 */
final class Notifier {
  /** An MQTT message to publish after the transaction commits. */
  record Message(String topic, byte[] payload) {}

  private final Map<String, List<JobExecution>> before = new LinkedHashMap<>();

  /** Call before changing any execution of {@code thing}. */
  void track(Transaction tx, String thing) throws SQLException {
    if (!before.containsKey(thing)) {
      before.put(thing, JobStore.pending(tx, thing));
    }
  }

  /**
   * The pushes, computed at the end of the transaction.
   *
   * @param documents the device's view of a job's document (placeholders replaced)
   */
  List<Message> messages(Transaction tx, Function<String, String> documents, Instant now)
      throws SQLException {
    List<Message> messages = new ArrayList<>();
    for (Map.Entry<String, List<JobExecution>> e : before.entrySet()) {
      String thing = e.getKey();
      List<JobExecution> old = e.getValue();
      List<JobExecution> now_ = JobStore.pending(tx, thing);
      if (!jobIds(old).equals(jobIds(now_))) {
        ObjectNode notify = DeviceJson.object().put("timestamp", DeviceJson.seconds(now));
        ObjectNode jobs = notify.putObject("jobs");
        List<JobExecution> queued = byStatus(now_, ExecutionStatus.QUEUED);
        List<JobExecution> inProgress = byStatus(now_, ExecutionStatus.IN_PROGRESS);
        if (!inProgress.isEmpty()) {
          var list = jobs.putArray("IN_PROGRESS");
          inProgress.forEach(x -> list.add(DeviceJson.summary(x)));
        }
        if (!queued.isEmpty()) {
          var list = jobs.putArray("QUEUED");
          queued.forEach(x -> list.add(DeviceJson.summary(x)));
        }
        messages.add(new Message(JobsTopic.notify(thing), DeviceJson.bytes(notify)));
      }
      Optional<JobExecution> oldNext = old.stream().findFirst();
      Optional<JobExecution> newNext = now_.stream().findFirst();
      if (!Objects.equals(oldNext.map(Notifier::identity), newNext.map(Notifier::identity))) {
        ObjectNode next = DeviceJson.object().put("timestamp", DeviceJson.seconds(now));
        newNext.ifPresent(
            x ->
                next.set(
                    "execution", DeviceJson.execution(x, Optional.of(documents.apply(x.jobId())))));
        messages.add(new Message(JobsTopic.notifyNext(thing), DeviceJson.bytes(next)));
      }
    }
    return messages;
  }

  private static String identity(JobExecution e) {
    return e.jobId() + "#" + e.executionNumber() + "#" + e.retryAttempt();
  }

  private static List<String> jobIds(List<JobExecution> pending) {
    return pending.stream().map(JobExecution::jobId).sorted().toList();
  }

  private static List<JobExecution> byStatus(List<JobExecution> pending, ExecutionStatus status) {
    return pending.stream().filter(x -> x.status() == status).toList();
  }
}
