package dev.iotctl.local.rules;

/**
 * What a rule has done: messages whose topic and WHERE clause matched, actions that ran, and
 * actions that failed.
 */
public record RuleCounters(long matched, long executed, long failed) {}
