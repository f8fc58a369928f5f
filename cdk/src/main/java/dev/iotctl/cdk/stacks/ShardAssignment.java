package dev.iotctl.cdk.stacks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which shard stack a thing lives in: SHA-256 of its name, modulo the fleet's fixed shard count.
 *
 * <p>The assignment depends only on the thing's own name and the shard count, so adding or removing
 * other things never moves a device to another stack (a move would be a delete in one stack and a
 * create of the same physical name in another, which CloudFormation cannot order). The price is a
 * fixed capacity: {@code shards} is chosen once per fleet, generously; only shards that hold things
 * become stacks. Changing it later re-deals the fleet and needs a planned migration.
 */
public final class ShardAssignment {
  private ShardAssignment() {}

  /** The shard (0 … shards-1) of {@code thingName}. */
  public static int shardOf(String thingName, int shards) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(thingName.getBytes(StandardCharsets.UTF_8));
      long value = Integer.toUnsignedLong(ByteBuffer.wrap(digest, 0, 4).getInt());
      return (int) (value % shards);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
    }
  }
}
