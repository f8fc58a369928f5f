package dev.iotctl.local.store;

import dev.iotctl.core.error.IotException;
import java.time.Instant;

/**
 * A keyset position in a list ordered by creation date, then id (ListCertificates,
 * ListCACertificates …), as carried in the list's marker.
 */
public record CreationKey(long time, String id) {

  /** Where a page resumes: after the marker's key, or before everything without a marker. */
  public static CreationKey after(String marker, boolean ascending) {
    String after = Pages.keyAfter(marker);
    if (after.isEmpty()) {
      return ascending
          ? new CreationKey(Long.MIN_VALUE, "")
          : new CreationKey(Long.MAX_VALUE, "\uffff");
    }
    int bar = after.indexOf('|');
    try {
      return new CreationKey(
          Long.parseLong(after.substring(0, Math.max(bar, 0))), after.substring(bar + 1));
    } catch (NumberFormatException e) {
      throw IotException.invalidRequest("The marker is not valid.");
    }
  }

  /** The key of a row, for {@link Pages#page}. */
  public static String of(Instant created, String id) {
    return created.toEpochMilli() + "|" + id;
  }
}
