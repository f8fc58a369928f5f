package dev.iotctl.core.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import org.junit.jupiter.api.Test;

class DocumentsTest {
  @Test
  void s3UrlsInEveryAwsStyleNameBucketAndKey() {
    S3Location expected = new S3Location("fw-bucket", "ota/fw 1.bin");
    assertThat(S3Location.parse("https://s3.amazonaws.com/fw-bucket/ota/fw%201.bin"))
        .contains(expected);
    assertThat(S3Location.parse("https://s3.eu-west-1.amazonaws.com/fw-bucket/ota/fw%201.bin"))
        .contains(expected);
    assertThat(S3Location.parse("https://fw-bucket.s3.us-east-1.amazonaws.com/ota/fw%201.bin"))
        .contains(expected);
    assertThat(S3Location.parse("s3://fw-bucket/ota/fw%201.bin")).contains(expected);
    assertThat(S3Location.parse("https://example.com/fw-bucket/key")).isEmpty();
    assertThat(S3Location.parse("https://s3.amazonaws.com/fw-bucket")).isEmpty();
    assertThat(S3Location.parse("file:///etc/passwd")).isEmpty();
  }

  @Test
  void placeholdersAreReplacedAndBadOnesRefused() {
    String doc =
        "{\"url\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/bk1/fw.bin}\","
            + "\"other\":\"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/bk1/x}\"}";
    assertThat(PresignedUrlPlaceholders.containsAny(doc)).isTrue();
    String replaced =
        PresignedUrlPlaceholders.replace(
            doc, loc -> "http://local/" + loc.bucket() + "/" + loc.key());
    assertThat(replaced)
        .isEqualTo("{\"url\":\"http://local/bk1/fw.bin\",\"other\":\"http://local/bk1/x\"}");
    assertThat(PresignedUrlPlaceholders.containsAny("{\"url\":\"https://x\"}")).isFalse();
    assertThatThrownBy(
            () ->
                PresignedUrlPlaceholders.validate(
                    "{\"u\":\"${aws:iot:s3-presigned-url:https://example.com/x}\"}"))
        .isInstanceOf(IotException.class);
  }

  @Test
  void deviceRequestBodiesParseOrFailWithJobsCodes() {
    DeviceRequests.Update update =
        DeviceRequests.update(
            DeviceRequests.parse(
                    "{\"status\":\"SUCCEEDED\",\"expectedVersion\":2,\"statusDetails\":{\"v\":\"1\"},\"includeJobDocument\":true}"
                        .getBytes())
                .json());
    assertThat(update.update().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    assertThat(update.update().expectedVersion()).contains(2L);
    assertThat(update.includeJobDocument()).isTrue();
    assertThat(update.includeJobExecutionState()).isFalse();

    assertThatThrownBy(() -> DeviceRequests.parse("{not json".getBytes()))
        .isInstanceOfSatisfying(
            JobsException.class, e -> assertThat(e.code()).isEqualTo(JobsErrorCode.INVALID_JSON));
    assertThatThrownBy(() -> DeviceRequests.parse(new byte[] {(byte) 0xff, '{', '}'}))
        .isInstanceOfSatisfying(
            JobsException.class, e -> assertThat(e.code()).isEqualTo(JobsErrorCode.INVALID_JSON));
    assertThatThrownBy(
            () ->
                DeviceRequests.update(
                    DeviceRequests.parse("{\"status\":\"done\"}".getBytes()).json()))
        .isInstanceOfSatisfying(
            JobsException.class,
            e -> assertThat(e.code()).isEqualTo(JobsErrorCode.INVALID_REQUEST));
    assertThatThrownBy(
            () ->
                DeviceRequests.update(
                    DeviceRequests.parse(
                            "{\"status\":\"FAILED\",\"statusDetails\":{\"k\":1}}".getBytes())
                        .json()))
        .isInstanceOf(JobsException.class);
    assertThatThrownBy(() -> DeviceRequests.parse("{\"clientToken\":\"has space\"}".getBytes()))
        .isInstanceOf(JobsException.class);
    assertThat(DeviceRequests.clientTokenOf("{\"clientToken\":\"t-1\"}".getBytes()))
        .contains("t-1");
    assertThat(
            DeviceRequests.describe(DeviceRequests.parse(new byte[0]).json()).includeJobDocument())
        .isTrue();
  }
}
