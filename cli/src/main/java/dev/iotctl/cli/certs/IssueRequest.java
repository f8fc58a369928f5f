package dev.iotctl.cli.certs;

import dev.iotctl.core.pki.KeyType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One device to issue a certificate for.
 *
 * @param csrFile a CSR the caller made (its key stays with the caller), or null to generate
 * @param bundleDir where the bundle goes, normally {@code OUT/DEVICE}
 */
public record IssueRequest(
    String device,
    List<String> policies,
    Path csrFile,
    KeyType keyType,
    Path bundleDir,
    boolean createThing,
    String thingType,
    Map<String, String> attributes) {}
