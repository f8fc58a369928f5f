package dev.iotctl.core.shadow;

/** The shadow document for {@code /get/accepted}, also GetThingShadow's HTTP response body. */
public record GetResult(byte[] json) {}
