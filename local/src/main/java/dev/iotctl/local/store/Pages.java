package dev.iotctl.local.store;

import dev.iotctl.core.error.IotException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Opaque {@code nextToken}s for keyset paging: a token encodes the last key of a page, and the next
 * page starts after it, so pages stay stable while rows are added or removed.
 */
public final class Pages {
  private static final String PREFIX = "iotctl1:";

  private Pages() {}

  /** The token for the page after the one ending with {@code lastKey}. */
  public static String tokenAfter(String lastKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key a token resumes after, or {@code ""} (before every key) when there is no token.
   *
   * @throws IotException {@code InvalidRequestException} for a token this store did not issue
   */
  public static String keyAfter(String nextToken) {
    if (nextToken == null || nextToken.isEmpty()) {
      return "";
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
      if (decoded.startsWith(PREFIX)) {
        return decoded.substring(PREFIX.length());
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below
    }
    throw IotException.invalidRequest("The nextToken is not valid.");
  }

  /**
   * Cuts a query result fetched with {@code limit + 1} rows into a page: when there is an extra
   * row, the page has a next token.
   */
  public static <T> Page<T> page(
      List<T> rowsPlusOne, int limit, java.util.function.Function<T, String> key) {
    if (rowsPlusOne.size() <= limit) {
      return new Page<>(rowsPlusOne, Optional.empty());
    }
    List<T> items = rowsPlusOne.subList(0, limit);
    return new Page<>(items, Optional.of(tokenAfter(key.apply(items.get(limit - 1)))));
  }

  /** The page size to use: AWS's default when absent, refused outside {@code 1..max}. */
  public static int limit(Integer maxResults, int defaultSize, int max) {
    if (maxResults == null) {
      return defaultSize;
    }
    if (maxResults < 1 || maxResults > max) {
      throw IotException.invalidRequest(
          "maxResults must be between 1 and " + max + ", got " + maxResults + ".");
    }
    return maxResults;
  }
}
