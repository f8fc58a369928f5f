package dev.iotctl.local.registry;

/** A resource tag: a key and a value (possibly empty, never null). */
public record Tag(String key, String value) {}
