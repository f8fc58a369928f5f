package dev.iotctl.local.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A mutable certificate directory for gateway tests, standing in for the registry. */
final class InMemoryDirectory implements DeviceDirectory {
  private final Map<String, DeviceRecord> records = new ConcurrentHashMap<>();

  /** Registers {@code cert} ACTIVE with one policy and the given attached things. */
  void register(TestPki.Issued cert, String policy, String... things) {
    records.put(
        cert.id(),
        new DeviceRecord(
            cert.id(),
            "ACTIVE",
            List.of(new DeviceRecord.Policy(policy, TestPolicies.document(policy))),
            java.util.Arrays.stream(things)
                .map(t -> new DeviceRecord.Thing(t, null, Map.of(), List.of()))
                .toList()));
  }

  void setStatus(String certificateId, String status) {
    records.computeIfPresent(
        certificateId, (id, r) -> new DeviceRecord(id, status, r.policies(), r.things()));
  }

  void setPolicies(String certificateId, String... policies) {
    records.computeIfPresent(
        certificateId,
        (id, r) ->
            new DeviceRecord(
                id,
                r.status(),
                java.util.Arrays.stream(policies)
                    .map(p -> new DeviceRecord.Policy(p, TestPolicies.document(p)))
                    .toList(),
                r.things()));
  }

  @Override
  public Optional<DeviceRecord> findForConnection(String certificateId) {
    return Optional.ofNullable(records.get(certificateId));
  }
}
