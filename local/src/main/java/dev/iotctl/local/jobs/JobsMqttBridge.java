package dev.iotctl.local.jobs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iotctl.core.error.IotException;
import dev.iotctl.core.jobs.DeviceRequests;
import dev.iotctl.core.jobs.JobExecution;
import dev.iotctl.core.jobs.JobsErrorCode;
import dev.iotctl.core.jobs.JobsException;
import dev.iotctl.core.jobs.JobsTopic;
import dev.iotctl.local.gateway.ConnectionPrincipal;
import dev.iotctl.local.gateway.DevicePublishListener;
import dev.iotctl.local.gateway.InFlightRequests;
import dev.iotctl.local.shadow.Publisher;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jobs device API over MQTT: requests devices publish to {@code $aws/things/T/jobs/…} (already
 * authorized by the gateway's {@code iot:Publish} check, as on AWS) are answered on the request
 * topic plus {@code /accepted} or {@code /rejected}, echoing the {@code clientToken}; the pushes
 * the request caused follow the reply.
 */
public final class JobsMqttBridge implements DevicePublishListener {
  private static final Logger LOG = LoggerFactory.getLogger(JobsMqttBridge.class);

  /**
   * Requests waiting for the service beyond which devices are answered RequestThrottled at once, so
   * a flooding client cannot grow the queue without bound (AWS throttles the Jobs API too).
   */
  static final int MAX_BACKLOG = 10_000;

  private final JobsService service;
  private final Publisher publisher;

  public JobsMqttBridge(JobsService service, Publisher publisher) {
    this.service = service;
    this.publisher = publisher;
  }

  @Override
  public void onPublish(
      ConnectionPrincipal from, InFlightRequests inFlight, String topic, byte[] payload) {
    JobsTopic.parse(topic)
        .ifPresent(
            request -> {
              if (service.backlog() >= MAX_BACKLOG) {
                reject(
                    request,
                    new JobsException(JobsErrorCode.REQUEST_THROTTLED, "Rate exceeded"),
                    DeviceRequests.clientTokenOf(payload));
                return;
              }
              service.submit(() -> answer(request, payload));
            });
  }

  private void answer(JobsTopic request, byte[] payload) {
    Optional<String> token = DeviceRequests.clientTokenOf(payload);
    try {
      DeviceRequests.Body body = DeviceRequests.parse(payload);
      token = body.clientToken();
      ObjectNode reply = DeviceJson.object();
      List<Notifier.Message> pushes = List.of();
      String thing = request.thingName();
      switch (request.kind()) {
        case INVALID ->
            throw new JobsException(
                JobsErrorCode.INVALID_TOPIC,
                "The topic " + request.topic() + " does not map to a Jobs API");
        case GET_PENDING -> {
          List<JobExecution> pending = service.pending(thing);
          DeviceJson.pendingLists(reply, pending, "inProgressJobs", "queuedJobs");
        }
        case START_NEXT -> {
          JobsService.Outcome<Optional<DeviceExecution>> outcome =
              service.startNext(thing, DeviceRequests.startNext(body.json()));
          outcome
              .value()
              .ifPresent(
                  e -> reply.set("execution", DeviceJson.execution(e.execution(), e.document())));
          pushes = outcome.pushes();
        }
        case DESCRIBE ->
            service
                .describeForDevice(thing, request.jobId(), DeviceRequests.describe(body.json()))
                .ifPresent(
                    e -> reply.set("execution", DeviceJson.execution(e.execution(), e.document())));
        case UPDATE -> {
          DeviceRequests.Update update = DeviceRequests.update(body.json());
          JobsService.Outcome<DeviceExecution> outcome =
              service.update(thing, request.jobId(), update);
          if (update.includeJobExecutionState()) {
            reply.set("executionState", DeviceJson.state(outcome.value().execution().state()));
          }
          outcome.value().document().ifPresent(d -> reply.set("jobDocument", DeviceJson.parse(d)));
          pushes = outcome.pushes();
        }
        default -> throw new IllegalStateException(request.kind().name());
      }
      reply.put("timestamp", DeviceJson.seconds(service.timing().now()));
      token.ifPresent(t -> reply.put("clientToken", t));
      publisher.publish(request.accepted(), DeviceJson.bytes(reply));
      service.publish(pushes);
    } catch (JobsException e) {
      reject(request, e, token);
    } catch (IotException e) {
      reject(request, asJobsError(e), token);
    } catch (RuntimeException e) {
      // The thing name is validated; the rest of the topic is client text and stays out of logs.
      LOG.warn("jobs {} request of {} failed", request.kind(), request.thingName(), e);
      reject(request, new JobsException(JobsErrorCode.INTERNAL_ERROR, "Internal error"), token);
    }
  }

  private void reject(JobsTopic request, JobsException error, Optional<String> token) {
    publisher.publish(
        request.rejected(),
        DeviceJson.bytes(DeviceJson.rejected(error, token, service.timing().now())));
  }

  private static JobsException asJobsError(IotException e) {
    JobsErrorCode code =
        switch (e.errorCode()) {
          case "ResourceNotFoundException" -> JobsErrorCode.RESOURCE_NOT_FOUND;
          case "InvalidRequestException" -> JobsErrorCode.INVALID_REQUEST;
          case "InvalidStateTransitionException" -> JobsErrorCode.INVALID_STATE_TRANSITION;
          case "ThrottlingException" -> JobsErrorCode.REQUEST_THROTTLED;
          default -> JobsErrorCode.INTERNAL_ERROR;
        };
    return new JobsException(code, e.getMessage());
  }
}
