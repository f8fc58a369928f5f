package dev.iotctl.local.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.DeviceRequests;
import dev.iotctl.core.jobs.ExecutionStatus;
import dev.iotctl.core.jobs.ExecutionTransitions;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobSettings;
import dev.iotctl.core.jobs.JobStatus;
import dev.iotctl.core.jobs.JobTiming;
import dev.iotctl.core.jobs.JobsErrorCode;
import dev.iotctl.core.jobs.JobsException;
import dev.iotctl.core.jobs.JobsTopic;
import dev.iotctl.core.jobs.PresignedUrlPlaceholders;
import dev.iotctl.core.jobs.S3Location;
import dev.iotctl.core.jobs.SchedulingConfig;
import dev.iotctl.core.jobs.TargetSelection;
import dev.iotctl.core.jobs.TimeoutConfig;
import dev.iotctl.core.topic.IotNames;
import dev.iotctl.local.registry.RegistryConfig;
import dev.iotctl.local.registry.RegistryListener;
import dev.iotctl.local.shadow.Publisher;
import dev.iotctl.local.store.Database;
import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jobs service: the control-plane operations, the device API, and the rollout engine's clock
 * tick. Every operation runs on one service thread, so changes to jobs and executions (and the
 * {@code notify}/{@code notify-next} pushes they cause) happen in one total order; each is one
 * transaction of {@code jobs.db}, published only after it commits.
 *
 * <p>Deliberate simplifications are listed in {@code local/README.md}.
 */
public final class JobsService implements RegistryListener, AutoCloseable {
  /** The database file in the data directory. */
  public static final String FILE_NAME = "jobs.db";

  /** AWS: a job document is at most 32 KB. */
  static final int MAX_DOCUMENT_LENGTH = 32768;

  private static final Logger LOG = LoggerFactory.getLogger(JobsService.class);
  private static final Pattern REASON_CODE = Pattern.compile("[\\p{Upper}\\p{Digit}_]+");
  private static final Pattern COMMENT = Pattern.compile("[^\\p{C}]+");

  private final Database db;
  private final Targets targets;
  private final Publisher publisher;
  private final JobTiming timing;
  private final ArnNames arns;
  private final FileStore files;
  private final PresignedUrls presigner;
  private final Supplier<Optional<URI>> httpUrl;
  private final Rollout rollout;
  private final java.util.concurrent.ScheduledThreadPoolExecutor thread;
  private volatile Thread serviceThread;
  private final java.util.concurrent.atomic.AtomicInteger waiting =
      new java.util.concurrent.atomic.AtomicInteger();

  private JobsService(
      Database db,
      Targets targets,
      Publisher publisher,
      JobTiming timing,
      RegistryConfig account,
      FileStore files,
      Supplier<Optional<URI>> httpUrl) {
    this.db = db;
    this.targets = targets;
    this.publisher = publisher;
    this.timing = timing;
    this.arns = new ArnNames(account);
    this.files = files;
    this.httpUrl = httpUrl;
    this.rollout = new Rollout(timing);
    this.presigner = new PresignedUrls(presignKey(db), account.region(), timing.clock());
    this.thread =
        new java.util.concurrent.ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "iotctl-jobs");
              t.setDaemon(true);
              serviceThread = t;
              return t;
            });
  }

  /**
   * Opens {@code DIR/jobs.db} (creating it when absent) and starts the rollout engine's tick.
   *
   * @param httpUrl the HTTP API's base URL once it runs: pre-signed file URLs point there
   */
  public static JobsService start(
      Path dataDir,
      Targets targets,
      Publisher publisher,
      JobTiming timing,
      RegistryConfig account,
      Supplier<Optional<URI>> httpUrl) {
    Database db = Database.open(dataDir.resolve(FILE_NAME), new JobsSchema());
    JobsService service =
        new JobsService(
            db,
            targets,
            publisher,
            timing,
            account,
            new FileStore(dataDir.resolve("files")),
            httpUrl);
    long period = tickInterval(timing).toMillis();
    service.thread.scheduleWithFixedDelay(service::tickSafely, 0, period, TimeUnit.MILLISECONDS);
    return service;
  }

  /** A twentieth of a rollout minute, between 20 ms and one second. */
  static Duration tickInterval(JobTiming timing) {
    long ms = Math.max(20, Math.min(1000, timing.minute().toMillis() / 20));
    return Duration.ofMillis(ms);
  }

  public JobTiming timing() {
    return timing;
  }

  /** Where OTA files and {@code documentSource} objects live ({@code DIR/files}). */
  public FileStore files() {
    return files;
  }

  public PresignedUrls presigner() {
    return presigner;
  }

  // ---------------------------------------------------------------- control plane: jobs

  /** CreateJob. */
  public Job createJob(CreateJobRequest request) {
    IotNames.JOB_ID.validate(request.jobId());
    Instant now = timing.now();
    JobSettings settings = request.settings();
    Optional<String> document = request.document();
    Optional<String> documentSource = request.documentSource();
    if (request.templateArn().isPresent()) {
      if (document.isPresent() || documentSource.isPresent()) {
        throw IotException.invalidRequest(
            "A job created from a job template takes its document from the template: do not"
                + " also pass document or documentSource");
      }
      String id = arns.templateId(request.templateArn().get());
      JobTemplate template =
          call(() -> db.read(tx -> JobStore.template(tx, id)))
              .orElseThrow(() -> IotException.notFound("Job template " + id + " does not exist"));
      document = template.document();
      documentSource = template.documentSource();
      settings = template.settings().overriddenBy(settings);
    }
    String text = resolveDocument(document, documentSource, settings);
    settings.scheduling().ifPresent(s -> s.validateAt(now, timing));
    List<String> things = resolveTargets(request.targets());
    JobSettings finalSettings = settings;
    Optional<String> source = documentSource;
    return call(
        () ->
            writeAndPublish(
                (tx, notifier) -> {
                  if (JobStore.job(tx, request.jobId()).isPresent()) {
                    throw new IotException(
                        "ResourceAlreadyExistsException",
                        409,
                        "Job " + request.jobId() + " already exists");
                  }
                  boolean scheduled =
                      finalSettings
                          .scheduling()
                          .flatMap(SchedulingConfig::startTime)
                          .map(s -> s.isAfter(now))
                          .orElse(false);
                  Job job =
                      new Job(
                          request.jobId(),
                          JobStore.nextSequence(tx),
                          scheduled ? JobStatus.SCHEDULED : JobStatus.IN_PROGRESS,
                          request.targetSelection(),
                          request.targets(),
                          text,
                          source,
                          finalSettings,
                          request.templateArn(),
                          false,
                          Optional.empty(),
                          Optional.empty(),
                          now,
                          now,
                          Optional.empty(),
                          scheduled ? Optional.empty() : Optional.of(now),
                          false);
                  JobStore.insert(tx, job);
                  for (String thing : things) {
                    JobStore.insert(
                        tx,
                        JobExecution.queued(job.jobId(), thing, 1, JobStore.nextSequence(tx), now));
                  }
                  rollout.release(tx, job, notifier, now);
                  return rollout.completeIfDone(tx, job, now);
                }));
  }

  /** DescribeJob. */
  public JobView describeJob(String jobId) {
    return call(() -> db.read(tx -> view(tx, requireJob(tx, jobId))));
  }

  /** ListJobs, in creation order. */
  public Page<Job> listJobs(
      Optional<JobStatus> status,
      Optional<TargetSelection> selection,
      Optional<String> thingGroupName,
      Integer maxResults,
      String nextToken) {
    int limit = Pages.limit(maxResults, 50, 250);
    long after = sequenceAfter(nextToken);
    Optional<String> groupArn = thingGroupName.map(arns::group);
    List<Job> found =
        call(
            () ->
                db.read(
                    tx -> {
                      List<Job> result = new ArrayList<>();
                      long cursor = after;
                      while (result.size() <= limit) {
                        List<Job> batch = JobStore.jobs(tx, status, selection, cursor, 250);
                        if (batch.isEmpty()) {
                          break;
                        }
                        for (Job j : batch) {
                          if (groupArn.isEmpty() || j.targets().contains(groupArn.get())) {
                            result.add(j);
                          }
                        }
                        cursor = batch.get(batch.size() - 1).sequence();
                      }
                      return result;
                    }));
    return Pages.page(
        found.subList(0, Math.min(found.size(), limit + 1)), limit, j -> seqKey(j.sequence()));
  }

  /** UpdateJob: the given settings replace the job's. */
  public void updateJob(String jobId, JobSettings changes) {
    if (changes.scheduling().isPresent()) {
      throw IotException.invalidRequest("schedulingConfig cannot be updated");
    }
    Instant now = timing.now();
    call(
        () ->
            writeAndPublish(
                (tx, notifier) -> {
                  Job job = requireJob(tx, jobId);
                  if (job.status() == JobStatus.DELETION_IN_PROGRESS) {
                    throw IotException.invalidRequest(
                        "Job " + jobId + " is being deleted and cannot be updated");
                  }
                  Job updated = job.withSettings(job.settings().overriddenBy(changes), now);
                  JobStore.update(tx, updated);
                  return rollout.afterExecutionChange(tx, updated, notifier, now);
                }));
  }

  /** CancelJob. */
  public Job cancelJob(
      String jobId, boolean force, Optional<String> reasonCode, Optional<String> comment) {
    reasonCode.ifPresent(r -> checkText(r, "reasonCode", 128, REASON_CODE));
    comment.ifPresent(c -> checkText(c, "comment", 2028, COMMENT));
    Instant now = timing.now();
    return call(
        () ->
            writeAndPublish(
                (tx, notifier) -> {
                  Job job = requireJob(tx, jobId);
                  switch (job.status()) {
                    case COMPLETED, DELETION_IN_PROGRESS ->
                        throw IotException.invalidRequest(
                            "Job " + jobId + " in status " + job.status() + " cannot be canceled");
                    case CANCELED -> {
                      if (!force) {
                        throw IotException.invalidRequest(
                            "Job "
                                + jobId
                                + " is already canceled; pass force=true to also cancel its"
                                + " executions in progress");
                      }
                    }
                    default -> {}
                  }
                  return rollout.cancel(tx, job, force, reasonCode, comment, notifier, now);
                }));
  }

  /**
   * DeleteJob: the job shows DELETION_IN_PROGRESS and its executions disappear at once; the job
   * itself is gone at the engine's next tick.
   */
  public void deleteJob(String jobId, boolean force) {
    Instant now = timing.now();
    call(
        () ->
            writeAndPublish(
                (tx, notifier) -> {
                  Job job = requireJob(tx, jobId);
                  if (job.status() == JobStatus.DELETION_IN_PROGRESS) {
                    throw ExecutionTransitions.invalidTransition(
                        "Job " + jobId + " is already being deleted");
                  }
                  if (!job.status().isTerminal() && !force) {
                    throw ExecutionTransitions.invalidTransition(
                        "Cannot delete job "
                            + jobId
                            + " in status "
                            + job.status()
                            + " without force=true");
                  }
                  for (JobExecution e : JobStore.unfinishedOfJob(tx, jobId)) {
                    notifier.track(tx, e.thingName());
                  }
                  tx.update("DELETE FROM job_executions WHERE job_id = ?", jobId);
                  JobStore.update(tx, job.withStatus(JobStatus.DELETION_IN_PROGRESS, now));
                  return null;
                }));
  }

  /** GetJobDocument: the document as created, placeholders unreplaced. */
  public String jobDocument(String jobId) {
    return call(() -> db.read(tx -> requireJob(tx, jobId).document()));
  }

  /** AssociateTargetsWithJob: more targets for a continuous job. */
  public Job associateTargets(String jobId, List<String> newTargets) {
    List<String> things = resolveTargets(newTargets);
    Instant now = timing.now();
    return call(
        () ->
            writeAndPublish(
                (tx, notifier) -> {
                  Job job = requireJob(tx, jobId);
                  if (job.targetSelection() != TargetSelection.CONTINUOUS
                      || job.status().isTerminal()
                      || job.status() == JobStatus.DELETION_IN_PROGRESS) {
                    throw IotException.invalidRequest(
                        "Targets can only be added to a continuous job that is in progress");
                  }
                  Set<String> all = new LinkedHashSet<>(job.targets());
                  all.addAll(newTargets);
                  Job updated = job.withTargets(List.copyOf(all), now);
                  JobStore.update(tx, updated);
                  for (String thing : things) {
                    ensureExecution(tx, updated, thing, now);
                  }
                  rollout.release(tx, updated, notifier, now);
                  return updated;
                }));
  }

  // ---------------------------------------------------------------- control plane: executions

  /** DescribeJobExecution (control plane). */
  public JobExecution describeExecution(
      String jobId, String thingName, Optional<Long> executionNumber) {
    return call(
        () ->
            db.read(
                tx -> {
                  JobExecution e = requireExecution(tx, jobId, thingName);
                  if (executionNumber.isPresent() && executionNumber.get() != e.executionNumber()) {
                    throw notFound(jobId, thingName);
                  }
                  return e;
                }));
  }

  /** ListJobExecutionsForJob, in thing-name order. */
  public Page<JobExecution> listExecutionsForJob(
      String jobId, Optional<ExecutionStatus> status, Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 50, 250);
    String after = Pages.keyAfter(nextToken);
    List<JobExecution> rows =
        call(
            () ->
                db.read(
                    tx -> {
                      requireJob(tx, jobId);
                      return JobStore.executionsOfJob(tx, jobId, status, after, limit + 1);
                    }));
    return Pages.page(rows, limit, JobExecution::thingName);
  }

  /** ListJobExecutionsForThing, oldest first. */
  public Page<JobExecution> listExecutionsForThing(
      String thingName,
      Optional<ExecutionStatus> status,
      Optional<String> jobId,
      Integer maxResults,
      String nextToken) {
    IotNames.validateThingName(thingName);
    int limit = Pages.limit(maxResults, 50, 250);
    long after = sequenceAfter(nextToken);
    List<JobExecution> rows =
        call(
            () ->
                db.read(
                    tx ->
                        JobStore.executionsOfThing(
                            tx, thingName, status, jobId, after, limit + 1)));
    return Pages.page(rows, limit, e -> seqKey(e.sequence()));
  }

  /** CancelJobExecution. */
  public void cancelExecution(
      String jobId,
      String thingName,
      boolean force,
      Optional<Long> expectedVersion,
      Optional<Map<String, String>> statusDetails) {
    Instant now = timing.now();
    call(
        () ->
            writeAndPublish(
                (tx, notifier) -> {
                  JobExecution e = requireExecution(tx, jobId, thingName);
                  JobExecution canceled =
                      ExecutionTransitions.cancel(e, force, expectedVersion, statusDetails, now);
                  notifier.track(tx, thingName);
                  JobStore.update(tx, canceled);
                  rollout.afterExecutionChange(tx, requireJob(tx, jobId), notifier, now);
                  return null;
                }));
  }

  /** DeleteJobExecution. */
  public void deleteExecution(String jobId, String thingName, long executionNumber, boolean force) {
    Instant now = timing.now();
    call(
        () ->
            writeAndPublish(
                (tx, notifier) -> {
                  JobExecution e = requireExecution(tx, jobId, thingName);
                  if (e.executionNumber() != executionNumber) {
                    throw notFound(jobId, thingName);
                  }
                  ExecutionTransitions.checkDeletable(e, force);
                  notifier.track(tx, thingName);
                  JobStore.deleteExecution(tx, jobId, thingName);
                  rollout.completeIfDone(tx, requireJob(tx, jobId), now);
                  return null;
                }));
  }

  // ---------------------------------------------------------------- control plane: templates

  /** CreateJobTemplate, from a document, a document source or an existing job. */
  public JobTemplate createTemplate(
      String templateId,
      Optional<String> jobArn,
      Optional<String> document,
      Optional<String> documentSource,
      JobSettings settings) {
    IotNames.JOB_ID.validate(templateId);
    if (settings.description().isEmpty()) {
      throw dev.iotctl.core.jobs.Validation.missing("description");
    }
    int given =
        (jobArn.isPresent() ? 1 : 0)
            + (document.isPresent() ? 1 : 0)
            + (documentSource.isPresent() ? 1 : 0);
    if (given != 1) {
      throw IotException.invalidRequest(
          "Specify exactly one of jobArn, document or documentSource");
    }
    Instant now = timing.now();
    return call(
        () ->
            db.write(
                tx -> {
                  if (JobStore.template(tx, templateId).isPresent()) {
                    throw new IotException(
                        "ConflictException", 409, "Job template " + templateId + " already exists");
                  }
                  JobTemplate template;
                  if (jobArn.isPresent()) {
                    String id = arns.jobId(jobArn.get());
                    Job job =
                        JobStore.job(tx, id)
                            .orElseThrow(() -> IotException.notFound("Job " + id + " not found"));
                    template =
                        new JobTemplate(
                            templateId,
                            job.documentSource().isPresent()
                                ? Optional.empty()
                                : Optional.of(job.document()),
                            job.documentSource(),
                            withoutScheduling(job.settings()).overriddenBy(settings),
                            now);
                  } else {
                    resolveDocument(document, documentSource, settings);
                    template = new JobTemplate(templateId, document, documentSource, settings, now);
                  }
                  JobStore.insert(tx, template);
                  return template;
                }));
  }

  public JobTemplate describeTemplate(String templateId) {
    return call(
        () ->
            db.read(
                tx ->
                    JobStore.template(tx, templateId)
                        .orElseThrow(
                            () ->
                                IotException.notFound(
                                    "Job template " + templateId + " does not exist"))));
  }

  public Page<JobTemplate> listTemplates(Integer maxResults, String nextToken) {
    int limit = Pages.limit(maxResults, 50, 250);
    String after = Pages.keyAfter(nextToken);
    List<JobTemplate> rows = call(() -> db.read(tx -> JobStore.templates(tx, after, limit + 1)));
    return Pages.page(rows, limit, JobTemplate::templateId);
  }

  public void deleteTemplate(String templateId) {
    call(
        () ->
            db.write(
                tx -> {
                  if (JobStore.deleteTemplate(tx, templateId) == 0) {
                    throw IotException.notFound("Job template " + templateId + " does not exist");
                  }
                  return null;
                }));
  }

  public String jobArn(String jobId) {
    return arns.job(jobId);
  }

  public String templateArn(String templateId) {
    return arns.template(templateId);
  }

  public String thingArn(String thingName) {
    return arns.thing(thingName);
  }

  // ---------------------------------------------------------------- device API

  /** A device API reply and the pushes to publish after it. */
  public record Outcome<T>(T value, List<Notifier.Message> pushes) {}

  /** GetPendingJobExecutions: the thing's released, unfinished executions. */
  public List<JobExecution> pending(String thingName) {
    return call(() -> db.read(tx -> JobStore.pending(tx, thingName)));
  }

  /** StartNextPendingJobExecution; empty when nothing is pending. */
  public Outcome<Optional<DeviceExecution>> startNext(
      String thingName, DeviceRequests.StartNext request) {
    return call(
        () ->
            write(
                (tx, notifier) -> {
                  List<JobExecution> pending = JobStore.pending(tx, thingName);
                  if (pending.isEmpty()) {
                    return Optional.<DeviceExecution>empty();
                  }
                  JobExecution next = pending.get(0);
                  Job job = requireJob(tx, next.jobId());
                  notifier.track(tx, thingName);
                  JobExecution started =
                      ExecutionTransitions.startNext(
                          next,
                          request.statusDetails(),
                          request.stepTimeoutInMinutes(),
                          timeout(job),
                          timing);
                  if (!started.equals(next)) {
                    JobStore.update(tx, started);
                  }
                  return Optional.of(
                      new DeviceExecution(started, Optional.of(deviceDocument(job))));
                }));
  }

  /**
   * DescribeJobExecution from the device; {@code $next} names the next pending execution (empty
   * when there is none).
   */
  public Optional<DeviceExecution> describeForDevice(
      String thingName, String jobId, DeviceRequests.Describe request) {
    return call(
        () ->
            db.read(
                tx -> {
                  JobExecution e;
                  if (JobsTopic.NEXT.equals(jobId)) {
                    List<JobExecution> pending = JobStore.pending(tx, thingName);
                    if (pending.isEmpty()) {
                      return Optional.<DeviceExecution>empty();
                    }
                    e = pending.get(0);
                  } else {
                    e = deviceExecution(tx, jobId, thingName);
                    if (request.executionNumber().isPresent()
                        && request.executionNumber().get() != e.executionNumber()) {
                      throw deviceNotFound(jobId, thingName);
                    }
                    if (e.status().isTerminal()) {
                      throw new JobsException(
                          JobsErrorCode.TERMINAL_STATE_REACHED,
                          "The job execution of "
                              + jobId
                              + " on "
                              + thingName
                              + " is in the terminal state "
                              + e.status());
                    }
                  }
                  Optional<String> doc =
                      request.includeJobDocument()
                          ? Optional.of(deviceDocument(requireJob(tx, e.jobId())))
                          : Optional.empty();
                  return Optional.of(new DeviceExecution(e, doc));
                }));
  }

  /** UpdateJobExecution from the device. */
  public Outcome<DeviceExecution> update(
      String thingName, String jobId, DeviceRequests.Update request) {
    Instant now = timing.now();
    return call(
        () ->
            write(
                (tx, notifier) -> {
                  JobExecution e = deviceExecution(tx, jobId, thingName);
                  Job job = requireJob(tx, jobId);
                  notifier.track(tx, thingName);
                  JobExecution updated =
                      ExecutionTransitions.update(e, request.update(), timeout(job), timing);
                  if (updated.status().isTerminal()) {
                    updated = rollout.retry(job, updated, now);
                  }
                  JobStore.update(tx, updated);
                  if (updated.status().isTerminal()) {
                    rollout.afterExecutionChange(tx, job, notifier, now);
                  }
                  return new DeviceExecution(
                      updated,
                      request.includeJobDocument()
                          ? Optional.of(deviceDocument(job))
                          : Optional.empty());
                }));
  }

  /** Publishes pushes a device API call caused (after its reply went out). */
  public void publish(List<Notifier.Message> pushes) {
    for (Notifier.Message m : pushes) {
      publisher.publish(m.topic(), m.payload());
    }
  }

  /** Operations waiting for the service thread: devices beyond a bound are throttled. */
  public int backlog() {
    return waiting.get();
  }

  /** Runs {@code task} on the service thread, in order with every other operation. */
  public void submit(Runnable task) {
    waiting.incrementAndGet();
    try {
      thread.execute(
          () -> {
            waiting.decrementAndGet();
            task.run();
          });
    } catch (RejectedExecutionException e) {
      waiting.decrementAndGet();
      LOG.debug("jobs service stopped; task dropped");
    }
  }

  // ---------------------------------------------------------------- registry changes

  /** A thing's groups changed or it was deleted: continuous jobs follow, deleted things REMOVED. */
  @Override
  public void thingChanged(String thingName) {
    submit(() -> syncThing(thingName));
  }

  private void syncThing(String thing) {
    try {
      boolean exists = targets.thingExists(thing);
      Set<String> groups = exists ? targets.groupsOf(thing) : Set.of();
      Instant now = timing.now();
      writeAndPublish(
          (tx, notifier) -> {
            if (!exists) {
              for (JobExecution e : JobStore.unfinishedOfThing(tx, thing)) {
                notifier.track(tx, thing);
                JobStore.update(tx, ExecutionTransitions.remove(e, now).orElseThrow());
                rollout.completeIfDone(tx, requireJob(tx, e.jobId()), now);
              }
              return null;
            }
            for (Job job : JobStore.jobsIn(tx, JobStatus.IN_PROGRESS, JobStatus.SCHEDULED)) {
              if (job.targetSelection() != TargetSelection.CONTINUOUS || job.rolloutEnded()) {
                continue;
              }
              boolean targeted =
                  job.targets().contains(arns.thing(thing))
                      || groups.stream().anyMatch(g -> job.targets().contains(arns.group(g)));
              Optional<JobExecution> e = JobStore.execution(tx, job.jobId(), thing);
              if (targeted) {
                ensureExecution(tx, job, thing, now);
                rollout.release(tx, job, notifier, now);
              } else if (e.isPresent() && !e.get().status().isTerminal()) {
                notifier.track(tx, thing);
                JobStore.update(tx, ExecutionTransitions.remove(e.get(), now).orElseThrow());
              }
            }
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("jobs could not follow the registry change of {}", thing, e);
    }
  }

  /** A QUEUED execution for the thing, unless it has one that was not REMOVED. */
  private void ensureExecution(Transaction tx, Job job, String thing, Instant now)
      throws SQLException {
    Optional<JobExecution> existing = JobStore.execution(tx, job.jobId(), thing);
    if (existing.isPresent() && existing.get().status() != ExecutionStatus.REMOVED) {
      return;
    }
    JobExecution fresh =
        JobExecution.queued(
            job.jobId(),
            thing,
            existing.map(x -> x.executionNumber() + 1).orElse(1L),
            JobStore.nextSequence(tx),
            now);
    if (existing.isPresent()) {
      JobStore.update(tx, fresh);
    } else {
      JobStore.insert(tx, fresh);
    }
  }

  // ---------------------------------------------------------------- rollout engine

  /** One pass of the rollout engine: schedules, timeouts, releases, completions, deletions. */
  public void tick() {
    call(
        () -> {
          Instant now = timing.now();
          writeAndPublish(
              (tx, notifier) -> {
                for (JobExecution e : JobStore.overdue(tx, now)) {
                  Job job = requireJob(tx, e.jobId());
                  notifier.track(tx, e.thingName());
                  JobExecution timedOut =
                      rollout.retry(
                          job, ExecutionTransitions.timeOutIfDue(e, now).orElseThrow(), now);
                  JobStore.update(tx, timedOut);
                  rollout.afterExecutionChange(tx, job, notifier, now);
                }
                for (Job job :
                    JobStore.jobsIn(
                        tx,
                        JobStatus.SCHEDULED,
                        JobStatus.IN_PROGRESS,
                        JobStatus.DELETION_IN_PROGRESS)) {
                  if (job.status() == JobStatus.DELETION_IN_PROGRESS) {
                    JobStore.deleteJob(tx, job.jobId());
                    continue;
                  }
                  Job current = rollout.startIfDue(tx, job, notifier, now);
                  current = rollout.endIfDue(tx, current, notifier, now);
                  rollout.release(tx, current, notifier, now);
                  rollout.completeIfDone(tx, current, now);
                }
                return null;
              });
          return null;
        });
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.warn("rollout engine tick failed", e);
    }
  }

  // ---------------------------------------------------------------- helpers

  @FunctionalInterface
  interface Work<T> {
    T run(Transaction tx, Notifier notifier) throws SQLException;
  }

  /** One transaction; returns its result and the pushes it causes (not yet published). */
  private <T> Outcome<T> write(Work<T> work) {
    List<Notifier.Message> pushes = new ArrayList<>();
    T value =
        db.write(
            tx -> {
              Notifier notifier = new Notifier();
              T result = work.run(tx, notifier);
              Map<String, String> docs = new HashMap<>();
              pushes.addAll(
                  notifier.messages(
                      tx,
                      jobId -> docs.computeIfAbsent(jobId, id -> deviceDocument(tx, id)),
                      timing.now()));
              return result;
            });
    return new Outcome<>(value, pushes);
  }

  private <T> T writeAndPublish(Work<T> work) {
    Outcome<T> outcome = write(work);
    publish(outcome.pushes());
    return outcome.value();
  }

  /** Runs on the service thread (directly when already there) and rethrows what it throws. */
  private <T> T call(Callable<T> task) {
    if (Thread.currentThread() == serviceThread) {
      return run(task);
    }
    Future<T> future;
    try {
      future = thread.submit(() -> run(task));
    } catch (RejectedExecutionException e) {
      throw new IotException("ServiceUnavailableException", 503, "The Jobs service is stopped");
    }
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IotException("ServiceUnavailableException", 503, "Interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static <T> T run(Callable<T> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JobView view(Transaction tx, Job job) throws SQLException {
    List<String> processing = List.of();
    if (!job.status().isTerminal() && JobStore.countUnreleased(tx, job.jobId()) > 0) {
      processing = job.targets();
    }
    return new JobView(job, JobStore.counts(tx, job.jobId()), processing);
  }

  private Job requireJob(Transaction tx, String jobId) throws SQLException {
    return JobStore.job(tx, jobId)
        .orElseThrow(() -> IotException.notFound("Job " + jobId + " does not exist"));
  }

  private JobExecution requireExecution(Transaction tx, String jobId, String thing)
      throws SQLException {
    return JobStore.execution(tx, jobId, thing).orElseThrow(() -> notFound(jobId, thing));
  }

  /** An execution the device may see: released, of a job not being deleted. */
  private JobExecution deviceExecution(Transaction tx, String jobId, String thing)
      throws SQLException {
    Optional<JobExecution> e = JobStore.execution(tx, jobId, thing);
    if (e.isEmpty() || e.get().notifiedAt() == null) {
      throw deviceNotFound(jobId, thing);
    }
    return e.get();
  }

  private static IotException notFound(String jobId, String thing) {
    return IotException.notFound("Job execution of " + jobId + " on " + thing + " not found");
  }

  private static JobsException deviceNotFound(String jobId, String thing) {
    return new JobsException(
        JobsErrorCode.RESOURCE_NOT_FOUND,
        "Job execution of " + jobId + " on " + thing + " not found");
  }

  private static TimeoutConfig timeout(Job job) {
    return job.settings().timeout().orElse(new TimeoutConfig(Optional.empty()));
  }

  private String deviceDocument(Transaction tx, String jobId) {
    try {
      return deviceDocument(requireJob(tx, jobId));
    } catch (SQLException e) {
      throw new dev.iotctl.local.store.StoreException("cannot read job " + jobId, e);
    }
  }

  /**
   * The document as devices receive it: {@code ${aws:iot:s3-presigned-url:…}} replaced by a
   * stand-in URL for {@code DIR/files/{bucket}/{key}}, valid for {@code expiresInSec}.
   */
  String deviceDocument(Job job) {
    Optional<URI> base = httpUrl.get();
    if (base.isEmpty() || !PresignedUrlPlaceholders.containsAny(job.document())) {
      return job.document();
    }
    long expires =
        job.settings()
            .presignedUrl()
            .map(p -> p.expiresInSec())
            .orElse(dev.iotctl.core.jobs.PresignedUrlConfig.DEFAULT_EXPIRES);
    return PresignedUrlPlaceholders.replace(
        job.document(), location -> presigner.presign(base.get(), location, expires));
  }

  /** The job document text from {@code document} or {@code documentSource}, checked. */
  private String resolveDocument(
      Optional<String> document, Optional<String> documentSource, JobSettings settings) {
    if (document.isPresent() == documentSource.isPresent()) {
      throw IotException.invalidRequest("Specify exactly one of document or documentSource");
    }
    String text;
    if (document.isPresent()) {
      text = document.get();
    } else {
      String source = documentSource.get();
      if (source.isEmpty() || source.length() > 1350) {
        throw dev.iotctl.core.jobs.Validation.invalid(
            source, "documentSource", "Member must have length between 1 and 1350");
      }
      S3Location location =
          sourceLocation(source)
              .orElseThrow(
                  () ->
                      IotException.invalidRequest(
                          "documentSource must be an S3 object URL: " + source));
      byte[] bytes;
      try {
        bytes = files.read(location, MAX_DOCUMENT_LENGTH * 4L);
      } catch (IotException e) {
        throw IotException.invalidRequest(
            "The document source " + source + " cannot be read: " + e.getMessage());
      }
      text = new String(bytes, StandardCharsets.UTF_8);
    }
    if (text.length() > MAX_DOCUMENT_LENGTH) {
      throw dev.iotctl.core.jobs.Validation.invalid(
          "(document)", "document", "Member must have length less than or equal to 32768");
    }
    JsonNode parsed;
    try {
      parsed = DeviceJson.JSON.readTree(text);
    } catch (IOException e) {
      throw IotException.invalidRequest("The job document is not valid JSON");
    }
    if (parsed == null || !parsed.isObject()) {
      throw IotException.invalidRequest("The job document must be a JSON object");
    }
    if (PresignedUrlPlaceholders.containsAny(text)) {
      PresignedUrlPlaceholders.validate(text);
      if (settings.presignedUrl().flatMap(p -> p.roleArn()).isEmpty()) {
        throw IotException.invalidRequest(
            "The job document contains pre-signed URL placeholders: presignedUrlConfig with a"
                + " roleArn is required");
      }
    }
    return text;
  }

  /** An S3 URL, or the stand-in's own {@code /files/{bucket}/{key}} URL. */
  private Optional<S3Location> sourceLocation(String source) {
    Optional<S3Location> s3 = S3Location.parse(source);
    if (s3.isPresent()) {
      return s3;
    }
    Optional<URI> base = httpUrl.get();
    if (base.isPresent() && source.startsWith(base.get() + PresignedUrls.PATH_PREFIX)) {
      String rest = source.substring((base.get() + PresignedUrls.PATH_PREFIX).length());
      int q = rest.indexOf('?');
      rest = q < 0 ? rest : rest.substring(0, q);
      int slash = rest.indexOf('/');
      if (slash > 0) {
        return Optional.of(
            new S3Location(
                java.net.URLDecoder.decode(rest.substring(0, slash), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8)));
      }
    }
    return Optional.empty();
  }

  /** The things a job's targets name now, each once, in target order. */
  private List<String> resolveTargets(List<String> targetArns) {
    if (targetArns.isEmpty()) {
      throw dev.iotctl.core.jobs.Validation.invalid(
          "[]", "targets", "Member must have length greater than or equal to 1");
    }
    Set<String> things = new LinkedHashSet<>();
    for (String arn : targetArns) {
      ArnNames.Target target = arns.target(arn);
      if (target.group()) {
        if (!targets.groupExists(target.name())) {
          throw IotException.notFound("Thing group " + target.name() + " does not exist");
        }
        things.addAll(targets.thingsInGroup(target.name()));
      } else {
        if (!targets.thingExists(target.name())) {
          throw IotException.notFound("Thing " + target.name() + " does not exist");
        }
        things.add(target.name());
      }
    }
    return List.copyOf(things);
  }

  private static JobSettings withoutScheduling(JobSettings s) {
    return new JobSettings(
        s.description(),
        s.presignedUrl(),
        s.rollout(),
        s.abort(),
        s.timeout(),
        s.retry(),
        Optional.empty());
  }

  private static void checkText(String value, String path, int max, Pattern pattern) {
    dev.iotctl.core.jobs.Validation.text(value, path, 1, max, pattern);
  }

  private static String seqKey(long sequence) {
    return String.format("%019d", sequence);
  }

  private static long sequenceAfter(String nextToken) {
    String key = Pages.keyAfter(nextToken);
    if (key.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(key);
    } catch (NumberFormatException e) {
      throw IotException.invalidRequest("The nextToken is not valid.");
    }
  }

  private static byte[] presignKey(Database db) {
    return db.write(
        tx -> {
          Optional<String> existing = JobStore.meta(tx, "presign_key");
          if (existing.isPresent()) {
            return HexFormat.of().parseHex(existing.get());
          }
          byte[] key = new byte[32];
          new SecureRandom().nextBytes(key);
          JobStore.putMeta(tx, "presign_key", HexFormat.of().formatHex(key));
          return key;
        });
  }

  /** Stops the engine (letting a running operation finish) and closes {@code jobs.db}. */
  @Override
  public void close() {
    thread.shutdown();
    try {
      if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
        thread.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    db.close();
  }
}
