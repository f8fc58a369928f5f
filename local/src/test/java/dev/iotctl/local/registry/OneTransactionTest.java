package dev.iotctl.local.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iotctl.core.error.IotException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Registry#inOneTransaction}: several registry calls applied fully or not at all. */
class OneTransactionTest {
  @TempDir Path dir;
  Registry registry;
  final List<String> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    registry = Registry.open(dir);
    registry.addListener(
        new RegistryListener() {
          @Override
          public void thingPrincipalChanged(String thingName, String principalArn) {
            heard.add(thingName);
          }
        });
  }

  @AfterEach
  void close() {
    registry.close();
  }

  @Test
  void aFailureUndoesEveryCallAndNoListenerHearsOfThem() {
    String pem = Fixtures.deviceCertificatePem("d1");
    assertThatThrownBy(
            () ->
                registry.inOneTransaction(
                    () -> {
                      registry.things().create("d1", Optional.empty(), Map.of());
                      Certificate c =
                          registry
                              .certificates()
                              .register(
                                  pem,
                                  CertificateStatus.ACTIVE,
                                  CertificateMode.DEFAULT,
                                  Optional.empty());
                      registry
                          .thingPrincipals()
                          .attach("d1", c.arn(), ThingPrincipalType.NON_EXCLUSIVE_THING);
                      return registry.policies().get("no-such-policy");
                    }))
        .isInstanceOf(IotException.class);

    assertThatThrownBy(() -> registry.things().describe("d1")).isInstanceOf(IotException.class);
    assertThat(registry.certificates().list(true, null, null).items()).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  void aCaughtNestedFailureLeavesNothingBehindWhileTheRestCommits() {
    String pem = Fixtures.deviceCertificatePem("d2");
    registry.inOneTransaction(
        () -> {
          registry.things().create("d2", Optional.empty(), Map.of());
          Certificate c =
              registry
                  .certificates()
                  .register(
                      pem, CertificateStatus.ACTIVE, CertificateMode.DEFAULT, Optional.empty());
          registry.thingPrincipals().attach("d2", c.arn(), ThingPrincipalType.NON_EXCLUSIVE_THING);
          try {
            // Writes its thing row, then fails on the principal: the savepoint undoes both.
            registry.inOneTransaction(
                () -> {
                  registry.things().create("d3", Optional.empty(), Map.of());
                  registry
                      .thingPrincipals()
                      .attach(
                          "d3",
                          "arn:aws:iot:us-east-1:000000000000:cert/nope",
                          ThingPrincipalType.NON_EXCLUSIVE_THING);
                  return null;
                });
          } catch (IotException expected) {
            // the outer work goes on
          }
          return null;
        });

    assertThat(registry.things().describe("d2").name()).isEqualTo("d2");
    assertThatThrownBy(() -> registry.things().describe("d3")).isInstanceOf(IotException.class);
    assertThat(heard).containsExactly("d2");
  }
}
