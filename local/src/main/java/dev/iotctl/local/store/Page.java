package dev.iotctl.local.store;

import java.util.List;
import java.util.Optional;

/** One page of a listing, and the token for the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
  public Page {
    items = List.copyOf(items);
  }
}
