package dev.iotctl.local.http.server;

import dev.iotctl.core.error.IotException;

/**
 * A request answered with an error before it reaches an operation (oversized body, timeout, broken
 * framing), passed down the pipeline so that it is answered in its turn among pipelined requests.
 *
 * @param method the request's method, or null if the request line never arrived
 * @param target the request-target as sent, or null
 * @param error what to answer
 * @param close whether the connection ends after the answer (its input can no longer be framed)
 */
record Rejection(String method, String target, IotException error, boolean close) {}
