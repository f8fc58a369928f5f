package dev.iotctl.core.policy;

/**
 * One problem {@link PolicyLinter} found: the Device Defender audit check name (e.g. {@code
 * IOT_POLICY_OVERLY_PERMISSIVE_CHECK}), its severity as AWS rates that check ({@code CRITICAL},
 * {@code MEDIUM}), what is wrong and the zero-based index of the offending statement.
 */
public record LintFinding(String check, String severity, String message, int statementIndex) {}
