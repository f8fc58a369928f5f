package dev.iotctl.local.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.jobs.DeviceRequests;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.ExecutionUpdate;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.JobTiming;
import dev.iotctl.core.jobs.TargetSelection;
import dev.iotctl.local.registry.RegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Jobs service on a real {@code jobs.db} with a hand-moved clock, an in-memory registry of things
 * and groups, and a recorder of every message it publishes.
 */
final class JobsFixture implements AutoCloseable {
  static final RegistryConfig ACCOUNT = new RegistryConfig("us-east-1", "123456789012");
  static final ObjectMapper JSON = new ObjectMapper();

  /** A clock the test moves. */
  static final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Things and groups, as the registry would answer. */
  static final class MemoryTargets implements Targets {
    final Set<String> things = ConcurrentHashMap.newKeySet();
    final Map<String, Set<String>> groups = new ConcurrentHashMap<>();

    @Override
    public boolean thingExists(String thingName) {
      return things.contains(thingName);
    }

    @Override
    public boolean groupExists(String groupName) {
      return groups.containsKey(groupName);
    }

    @Override
    public List<String> thingsInGroup(String groupName) {
      return List.copyOf(new TreeSet<>(groups.get(groupName)));
    }

    @Override
    public Set<String> groupsOf(String thingName) {
      Set<String> of = new TreeSet<>();
      groups.forEach(
          (g, members) -> {
            if (members.contains(thingName)) {
              of.add(g);
            }
          });
      return of;
    }
  }

  record Published(String topic, JsonNode payload) {}

  final Path dir;
  final ManualClock clock = new ManualClock();
  final MemoryTargets targets = new MemoryTargets();
  final List<Published> published = new CopyOnWriteArrayList<>();
  JobsService service;

  JobsFixture(Path dir) {
    this.dir = dir;
    open();
  }

  void open() {
    service =
        JobsService.start(
            dir,
            targets,
            (topic, payload) -> published.add(new Published(topic, parse(payload))),
            new JobTiming(clock, Duration.ofMinutes(1)),
            ACCOUNT,
            () -> Optional.of(URI.create("http://127.0.0.1:9")));
  }

  void restart() {
    service.close();
    open();
  }

  /** Things named {@code prefix0..prefix(n-1)}, all in group {@code group}. */
  List<String> fleet(String group, String prefix, int n) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      names.add(String.format("%s%03d", prefix, i));
    }
    targets.things.addAll(names);
    targets.groups.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).addAll(names);
    return names;
  }

  static String groupArn(String group) {
    return ACCOUNT.arn("thinggroup", group);
  }

  static String thingArn(String thing) {
    return ACCOUNT.arn("thing", thing);
  }

  /** CreateJob of {@code {"step":"run"}} with the settings in {@code settingsJson}. */
  Job create(String jobId, List<String> targetArns, String settingsJson) {
    return create(jobId, targetArns, settingsJson, TargetSelection.SNAPSHOT);
  }

  Job create(
      String jobId, List<String> targetArns, String settingsJson, TargetSelection selection) {
    return service.createJob(
        new CreateJobRequest(
            jobId,
            targetArns,
            Optional.of("{\"step\":\"run\"}"),
            Optional.empty(),
            JobSettings.parse(object(settingsJson)),
            selection,
            Optional.empty()));
  }

  JobExecution execution(String jobId, String thing) {
    return service.describeExecution(jobId, thing, Optional.empty());
  }

  long count(String jobId, ExecutionStatus status) {
    return service.describeJob(jobId).counts().of(status);
  }

  long released(String jobId, List<String> things) {
    return things.stream().filter(t -> execution(jobId, t).notifiedAt() != null).count();
  }

  /** The device starts its next execution. */
  Optional<JobExecution> startNext(String thing) {
    JobsService.Outcome<Optional<DeviceExecution>> outcome =
        service.startNext(thing, new DeviceRequests.StartNext(Optional.empty(), Optional.empty()));
    service.publish(outcome.pushes());
    return outcome.value().map(DeviceExecution::execution);
  }

  JobExecution report(String thing, String jobId, ExecutionStatus status) {
    JobsService.Outcome<DeviceExecution> outcome =
        service.update(
            thing,
            jobId,
            new DeviceRequests.Update(
                new ExecutionUpdate(
                    status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
                false,
                false));
    service.publish(outcome.pushes());
    return outcome.value().execution();
  }

  void advance(Duration d) {
    clock.advance(d);
    service.tick();
  }

  List<Published> on(String topic) {
    return published.stream().filter(p -> p.topic().equals(topic)).toList();
  }

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(byte[] payload) {
    try {
      return JSON.readTree(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> sorted(Map<String, String> map) {
    return new TreeMap<>(map);
  }

  @Override
  public void close() {
    service.close();
  }
}
