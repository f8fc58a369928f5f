package dev.iotctl.local.provisioning;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.provisioning.ProvisioningTemplate;
import dev.iotctl.local.registry.Registry;
import dev.iotctl.local.store.CreationKey;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk registration: StartThingRegistrationTask, DescribeThingRegistrationTask,
 * ListThingRegistrationTasks, ListThingRegistrationTaskReports, StopThingRegistrationTask.
 *
 * <p>The one deliberate difference from AWS: the input file is not read from S3 but from this
 * machine — {@code DIR/buckets/BUCKET/KEY}, or the absolute path given as the key — and the reports
 * are written to {@code DIR/registration-tasks/TASK/} and linked as {@code file:} URLs. Each input
 * line is one device's parameters; each device is provisioned wholly or not at all (devices are
 * committed in batches, each device in a savepoint of its own). One task runs at a time, as on AWS.
 */
public final class ThingRegistrationTasks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ThingRegistrationTasks.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern BUCKET = Pattern.compile("[a-zA-Z0-9._-]{3,256}");
  private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9!_.*'()\\-/]{1,1024}");
  private static final Set<String> STATUSES =
      Set.of("InProgress", "Completed", "Failed", "Cancelled", "Cancelling");
  private static final int BATCH = 100;

  /** Input lines: AWS documents none; a bound keeps a task's reports reasonable. */
  static final int MAX_LINES = 1_000_000;

  private final ProvisioningStore store;
  private final Registry registry;
  private final TemplateProvisioner provisioner;
  private final Path dataDir;
  private final ExecutorService runner =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "thing-registration-task");
            t.setDaemon(true);
            return t;
          });

  ThingRegistrationTasks(
      ProvisioningStore store, Registry registry, TemplateProvisioner provisioner, Path dataDir) {
    this.store = store;
    this.registry = registry;
    this.provisioner = provisioner;
    this.dataDir = dataDir;
    // A task that was running when the stand-in stopped will never finish.
    store
        .db()
        .write(
            tx ->
                tx.update(
                    "UPDATE registration_tasks SET status = 'Failed', message = ?"
                        + " WHERE status IN ('InProgress', 'Cancelling')",
                    "The stand-in stopped while the task was running."));
  }

  /** StartThingRegistrationTask: checks the request, then runs the task in the background. */
  public String start(String templateBody, String bucket, String key, String roleArn) {
    ProvisioningTemplate template = ProvisioningTemplate.parse(templateBody);
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw ProvisioningErrors.invalid("inputFileBucket is not a valid bucket name.");
    }
    if (key == null || !KEY.matcher(key).matches()) {
      throw ProvisioningErrors.invalid("inputFileKey is not a valid key.");
    }
    RoleArns.validate(roleArn, "roleArn");
    Path input = inputFile(bucket, key);
    if (!Files.isRegularFile(input)) {
      throw ProvisioningErrors.invalid("The input file " + bucket + "/" + key + " cannot be read.");
    }
    String taskId = UUID.randomUUID().toString();
    store
        .db()
        .write(
            tx -> {
              if (tx.exists(
                  "SELECT 1 FROM registration_tasks WHERE status IN ('InProgress', 'Cancelling')")) {
                throw ProvisioningErrors.invalid(
                    "A thing registration task is already running; only one can run at a time.");
              }
              long now = store.now();
              tx.update(
                  "INSERT INTO registration_tasks (task_id, template_body, input_bucket, input_key,"
                      + " role_arn, status, success_count, failure_count, percentage, created_at,"
                      + " last_modified_at) VALUES (?, ?, ?, ?, ?, 'InProgress', 0, 0, 0, ?, ?)",
                  taskId,
                  templateBody,
                  bucket,
                  key,
                  roleArn,
                  now,
                  now);
              return null;
            });
    runner.execute(() -> run(taskId, template, input));
    return taskId;
  }

  /** DescribeThingRegistrationTask. */
  public RegistrationTask describe(String taskId) {
    return store
        .db()
        .read(tx -> find(tx, taskId))
        .orElseThrow(() -> ProvisioningErrors.notFound("Task " + taskId + " does not exist."));
  }

  /** ListThingRegistrationTasks: task ids, newest first, optionally of one status. */
  public Page<String> list(Optional<String> status, Integer maxResults, String nextToken) {
    status
        .filter(s -> !STATUSES.contains(s))
        .ifPresent(
            s -> {
              throw ProvisioningErrors.invalid(
                  "status must be InProgress, Completed, Failed, Cancelled or Cancelling.");
            });
    int limit = Pages.limit(maxResults, 25, 250);
    var from = CreationKey.after(nextToken, false);
    List<RegistrationTask> rows =
        store
            .db()
            .read(
                tx ->
                    tx.query(
                        "SELECT * FROM registration_tasks WHERE (? IS NULL OR status = ?)"
                            + " AND (created_at, task_id) < (?, ?)"
                            + " ORDER BY created_at DESC, task_id DESC LIMIT ?",
                        this::map,
                        status.orElse(null),
                        status.orElse(null),
                        from.time(),
                        from.id(),
                        limit + 1));
    Page<RegistrationTask> page =
        Pages.page(rows, limit, t -> CreationKey.of(t.creationDate(), t.taskId()));
    return new Page<>(
        page.items().stream().map(RegistrationTask::taskId).toList(), page.nextToken());
  }

  /** ListThingRegistrationTaskReports: {@code file:} links to the reports written so far. */
  public List<String> reports(String taskId, String reportType) {
    if (!"RESULTS".equals(reportType) && !"ERRORS".equals(reportType)) {
      throw ProvisioningErrors.invalid("reportType must be ERRORS or RESULTS.");
    }
    describe(taskId);
    Path file = reportFile(taskId, reportType);
    return Files.exists(file) ? List.of(file.toUri().toString()) : List.of();
  }

  /** StopThingRegistrationTask: a running task stops after the device it is on. */
  public void stop(String taskId) {
    store
        .db()
        .write(
            tx -> {
              RegistrationTask task =
                  find(tx, taskId)
                      .orElseThrow(
                          () -> ProvisioningErrors.notFound("Task " + taskId + " does not exist."));
              if (task.status().equals("InProgress")) {
                tx.update(
                    "UPDATE registration_tasks SET status = 'Cancelling', last_modified_at = ?"
                        + " WHERE task_id = ?",
                    store.now(),
                    taskId);
              }
              return null;
            });
  }

  /** The report file of a task: {@code results.jsonl} or {@code errors.jsonl}. */
  Path reportFile(String taskId, String reportType) {
    return dataDir
        .resolve("registration-tasks")
        .resolve(taskId)
        .resolve(reportType.equals("RESULTS") ? "results.jsonl" : "errors.jsonl");
  }

  private Path inputFile(String bucket, String key) {
    Path asGiven = Path.of(key);
    return asGiven.isAbsolute()
        ? asGiven
        : dataDir.resolve("buckets").resolve(bucket).resolve(key).normalize();
  }

  private void run(String taskId, ProvisioningTemplate template, Path input) {
    int success = 0;
    int failure = 0;
    try {
      List<String> lines;
      try (var stream = Files.lines(input, StandardCharsets.UTF_8)) {
        lines = stream.limit(MAX_LINES + 1L).toList();
      }
      if (lines.size() > MAX_LINES) {
        finish(taskId, "Failed", "The input file has more than " + MAX_LINES + " lines.", 0, 0, 0);
        return;
      }
      Path results = reportFile(taskId, "RESULTS");
      Files.createDirectories(results.getParent());
      try (BufferedWriter resultOut = Files.newBufferedWriter(results);
          BufferedWriter errorOut = Files.newBufferedWriter(reportFile(taskId, "ERRORS"))) {
        for (int start = 0; start < lines.size(); start += BATCH) {
          if (cancelling(taskId)) {
            finish(taskId, "Cancelled", null, success, failure, percent(start, lines.size()));
            return;
          }
          List<String> batch = lines.subList(start, Math.min(lines.size(), start + BATCH));
          int first = start;
          List<ObjectNode> outcomes =
              registry.inOneTransaction(() -> provisionBatch(template, batch, first));
          for (ObjectNode outcome : outcomes) {
            if (outcome.has("errorMessage")) {
              failure++;
              errorOut.write(outcome.toString());
              errorOut.newLine();
            } else {
              success++;
              resultOut.write(outcome.toString());
              resultOut.newLine();
            }
          }
          resultOut.flush();
          errorOut.flush();
          progress(taskId, success, failure, percent(start + batch.size(), lines.size()));
        }
      }
      finish(taskId, "Completed", null, success, failure, 100);
    } catch (IOException | RuntimeException e) {
      LOG.warn("thing registration task {} failed", taskId, e);
      finish(taskId, "Failed", "The task failed: " + e.getMessage(), success, failure, 0);
    }
  }

  /** One device per line, each in a savepoint: a failed device leaves nothing behind. */
  private List<ObjectNode> provisionBatch(
      ProvisioningTemplate template, List<String> lines, int firstLine) {
    List<ObjectNode> outcomes = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String referenceId = Integer.toString(firstLine + i + 1);
      ObjectNode outcome = JSON.createObjectNode().put("referenceId", referenceId);
      try {
        Map<String, String> parameters = parameters(lines.get(i));
        var provisioned =
            registry.inOneTransaction(() -> provisioner.apply(template.resolve(parameters)));
        ObjectNode response = outcome.putObject("response");
        provisioned.certificatePem().ifPresent(pem -> response.put("CertificatePem", pem));
        ObjectNode arns = response.putObject("ResourceArns");
        provisioned.resourceArns().forEach(arns::put);
      } catch (IotException e) {
        outcome.remove("response");
        outcome.put("errorMessage", e.getMessage());
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  private static Map<String, String> parameters(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw ProvisioningErrors.invalid("The line is not a JSON object.");
    }
    if (node == null || !node.isObject()) {
      throw ProvisioningErrors.invalid("The line is not a JSON object.");
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> parameters.put(e.getKey(), e.getValue().asText()));
    return parameters;
  }

  private static int percent(int done, int total) {
    return total == 0 ? 100 : (int) (100L * done / total);
  }

  private boolean cancelling(String taskId) {
    return store
        .db()
        .read(tx -> find(tx, taskId))
        .map(t -> t.status().equals("Cancelling"))
        .orElse(true);
  }

  private void progress(String taskId, int success, int failure, int percent) {
    store
        .db()
        .write(
            tx ->
                tx.update(
                    "UPDATE registration_tasks SET success_count = ?, failure_count = ?,"
                        + " percentage = ?, last_modified_at = ? WHERE task_id = ?",
                    success,
                    failure,
                    percent,
                    store.now(),
                    taskId));
  }

  private void finish(
      String taskId, String status, String message, int success, int failure, int percent) {
    store
        .db()
        .write(
            tx ->
                tx.update(
                    "UPDATE registration_tasks SET status = ?, message = ?, success_count = ?,"
                        + " failure_count = ?, percentage = ?, last_modified_at = ?"
                        + " WHERE task_id = ?",
                    status,
                    message,
                    success,
                    failure,
                    percent,
                    store.now(),
                    taskId));
  }

  private Optional<RegistrationTask> find(Transaction tx, String taskId) throws SQLException {
    return tx.queryOne("SELECT * FROM registration_tasks WHERE task_id = ?", this::map, taskId);
  }

  private RegistrationTask map(ResultSet row) throws SQLException {
    return new RegistrationTask(
        row.getString("task_id"),
        row.getString("template_body"),
        row.getString("input_bucket"),
        row.getString("input_key"),
        row.getString("role_arn"),
        row.getString("status"),
        Optional.ofNullable(row.getString("message")),
        row.getInt("success_count"),
        row.getInt("failure_count"),
        row.getInt("percentage"),
        Instant.ofEpochMilli(row.getLong("created_at")),
        Instant.ofEpochMilli(row.getLong("last_modified_at")));
  }

  @Override
  public void close() {
    runner.shutdownNow();
  }
}
