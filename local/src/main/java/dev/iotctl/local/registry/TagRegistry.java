package dev.iotctl.local.registry;

import dev.iotctl.local.store.Page;
import dev.iotctl.local.store.Pages;
import dev.iotctl.local.store.Transaction;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TagResource, UntagResource, ListTagsForResource on the resources AWS IoT documents as taggable
 * and the stand-in has: thing groups, thing types, topic rules and policies ("Tagging your AWS IoT
 * resources"). Things and certificates are not taggable on AWS (billing groups exist for things'
 * costs), so their ARNs are refused. A deleted resource's tags go with it (schema triggers).
 */
public final class TagRegistry {
  /** "Maximum number of tags per resource — 50". */
  static final int MAX_TAGS = 50;

  static final int MAX_KEY_LENGTH = 128;
  static final int MAX_VALUE_LENGTH = 256;
  private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  private static final Set<String> TAGGABLE = Set.of("thinggroup", "thingtype", "rule", "policy");

  private final Context context;

  TagRegistry(Context context) {
    this.context = context;
  }

  /**
   * Adds or overwrites tags on an existing taggable resource.
   *
   * @throws dev.iotctl.core.error.IotException InvalidRequestException for a bad tag or a resource
   *     type that cannot be tagged; ResourceNotFoundException when the resource does not exist;
   *     LimitExceededException past 50 tags
   */
  public void tag(String resourceArn, Map<String, String> tags) {
    validate(tags);
    Resource resource = resource(resourceArn);
    context
        .db()
        .write(
            tx -> {
              resource.require(tx);
              put(tx, resource, tags);
              return null;
            });
  }

  /** Removes tags by key; keys the resource does not carry are ignored. */
  public void untag(String resourceArn, Collection<String> keys) {
    for (String key : keys) {
      validateKey(key);
    }
    Resource resource = resource(resourceArn);
    context
        .db()
        .write(
            tx -> {
              resource.require(tx);
              for (String key : keys) {
                tx.update(
                    "DELETE FROM tags WHERE resource_type = ? AND resource_name = ? AND tag_key = ?",
                    resource.type(),
                    resource.name(),
                    key);
              }
              return null;
            });
  }

  /** The resource's tags in key order. */
  public Page<Tag> list(String resourceArn, Integer maxResults, String nextToken) {
    Resource resource = resource(resourceArn);
    int limit = Pages.limit(maxResults, MAX_TAGS, MAX_TAGS);
    String after = Pages.keyAfter(nextToken);
    List<Tag> rows =
        context
            .db()
            .read(
                tx -> {
                  resource.require(tx);
                  return tx.query(
                      "SELECT tag_key, tag_value FROM tags WHERE resource_type = ?"
                          + " AND resource_name = ? AND tag_key > ? ORDER BY tag_key LIMIT ?",
                      row -> new Tag(row.getString(1), row.getString(2)),
                      resource.type(),
                      resource.name(),
                      after,
                      limit + 1);
                });
    return Pages.page(rows, limit, Tag::key);
  }

  /**
   * Checks tags given to a Create operation before anything is created, so a bad tag creates
   * nothing.
   */
  public static void validate(Map<String, String> tags) {
    if (tags.size() > MAX_TAGS) {
      throw Errors.limitExceeded("A resource can have at most " + MAX_TAGS + " tags.");
    }
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      validateKey(tag.getKey());
      String value = tag.getValue();
      if (value == null || value.length() > MAX_VALUE_LENGTH) {
        throw Errors.invalid(
            "1 validation error detected: Value at 'tags.member.value' failed to satisfy"
                + " constraint: Member must have length less than or equal to "
                + MAX_VALUE_LENGTH);
      }
    }
  }

  private static void validateKey(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw Errors.invalid(
          "1 validation error detected: Value '"
              + key
              + "' at 'tags.member.key' failed to satisfy constraint: Member must have length"
              + " between 1 and "
              + MAX_KEY_LENGTH);
    }
    if (!KEY.matcher(key).matches()) {
      throw Errors.invalid(
          "1 validation error detected: Value '"
              + key
              + "' at 'tags.member.key' failed to satisfy constraint: Member must satisfy regular"
              + " expression pattern: ^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    }
    if (key.startsWith("aws:")) {
      throw Errors.invalid("Tag keys starting with 'aws:' are reserved for AWS use: " + key);
    }
  }

  private void put(Transaction tx, Resource resource, Map<String, String> tags)
      throws SQLException {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      tx.update(
          "INSERT INTO tags (resource_type, resource_name, tag_key, tag_value) VALUES (?, ?, ?, ?)"
              + " ON CONFLICT (resource_type, resource_name, tag_key)"
              + " DO UPDATE SET tag_value = excluded.tag_value",
          resource.type(),
          resource.name(),
          tag.getKey(),
          tag.getValue());
    }
    int count =
        tx.queryOne(
                "SELECT COUNT(*) FROM tags WHERE resource_type = ? AND resource_name = ?",
                row -> row.getInt(1),
                resource.type(),
                resource.name())
            .orElse(0);
    if (count > MAX_TAGS) {
      throw Errors.limitExceeded(
          "A resource can have at most " + MAX_TAGS + " tags; this one would have " + count + ".");
    }
  }

  private Resource resource(String arn) {
    String prefix =
        "arn:aws:iot:" + context.config().region() + ":" + context.config().accountId() + ":";
    if (arn == null || !arn.startsWith(prefix) || arn.indexOf('/', prefix.length()) < 0) {
      throw Errors.invalid("Invalid resource ARN: " + arn);
    }
    String rest = arn.substring(prefix.length());
    int slash = rest.indexOf('/');
    String type = rest.substring(0, slash);
    String name = rest.substring(slash + 1);
    if (type.equals("thing") || type.equals("cert")) {
      throw Errors.invalid("Resource type " + type + " does not support tagging: " + arn);
    }
    if (!TAGGABLE.contains(type) || name.isEmpty()) {
      throw Errors.notFound("The resource " + arn + " does not exist.");
    }
    return new Resource(type, name, arn);
  }

  /** A taggable resource named by its ARN. */
  private record Resource(String type, String name, String arn) {
    void require(Transaction tx) throws SQLException {
      String sql =
          switch (type) {
            case "thinggroup" -> "SELECT 1 FROM thing_groups WHERE name = ?";
            case "thingtype" -> "SELECT 1 FROM thing_types WHERE name = ?";
            case "rule" -> "SELECT 1 FROM topic_rules WHERE name = ?";
            case "policy" -> "SELECT 1 FROM policies WHERE name = ? AND service_managed = 0";
            default -> throw new IllegalStateException(type);
          };
      if (!tx.exists(sql, name)) {
        throw Errors.notFound("The resource " + arn + " does not exist.");
      }
    }
  }
}
