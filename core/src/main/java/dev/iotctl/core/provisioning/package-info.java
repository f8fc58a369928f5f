/**
 * AWS IoT provisioning templates (JITP, bulk registration, fleet provisioning): parsing a template
 * body, evaluating its intrinsic functions ({@code Ref}, {@code Fn::Join}, {@code Fn::Sub}, {@code
 * Fn::If}, {@code Fn::FindInMap}, {@code Fn::Select}, {@code Fn::Split}) and conditions with a
 * device's parameters, and the resulting plan of resources (thing, certificate, policies) that a
 * registry then applies. No AWS dependency.
 */
package dev.iotctl.core.provisioning;
