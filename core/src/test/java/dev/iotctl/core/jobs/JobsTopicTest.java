package dev.iotctl.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobsTopicTest {
  @Test
  void requestTopicsParse() {
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/get").orElseThrow().kind())
        .isEqualTo(JobsTopic.Kind.GET_PENDING);
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/start-next").orElseThrow().kind())
        .isEqualTo(JobsTopic.Kind.START_NEXT);
    JobsTopic describe = JobsTopic.parse("$aws/things/lamp/jobs/fw-1/get").orElseThrow();
    assertThat(describe.kind()).isEqualTo(JobsTopic.Kind.DESCRIBE);
    assertThat(describe.jobId()).isEqualTo("fw-1");
    assertThat(describe.accepted()).isEqualTo("$aws/things/lamp/jobs/fw-1/get/accepted");
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/$next/get").orElseThrow().jobId())
        .isEqualTo("$next");
    JobsTopic update = JobsTopic.parse("$aws/things/lamp/jobs/fw-1/update").orElseThrow();
    assertThat(update.kind()).isEqualTo(JobsTopic.Kind.UPDATE);
    assertThat(update.rejected()).isEqualTo("$aws/things/lamp/jobs/fw-1/update/rejected");
  }

  @Test
  void repliesPushesAndOtherTopicsAreNotRequests() {
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/get/accepted")).isEmpty();
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/fw-1/update/rejected")).isEmpty();
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/notify")).isEmpty();
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/notify-next")).isEmpty();
    assertThat(JobsTopic.parse("$aws/things/lamp/shadow/update")).isEmpty();
    assertThat(JobsTopic.parse("devices/lamp/jobs/get")).isEmpty();
  }

  @Test
  void unknownTopicsUnderTheJobsNamespaceAreInvalid() {
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/fw-1/delete").orElseThrow().kind())
        .isEqualTo(JobsTopic.Kind.INVALID);
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs").orElseThrow().kind())
        .isEqualTo(JobsTopic.Kind.INVALID);
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/$next/update").orElseThrow().kind())
        .isEqualTo(JobsTopic.Kind.INVALID);
    assertThat(JobsTopic.parse("$aws/things/lamp/jobs/a.b/get").orElseThrow().kind())
        .isEqualTo(JobsTopic.Kind.INVALID);
  }
}
