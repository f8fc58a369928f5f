/**
 * {@code iotctl ota}: signed firmware updates over AWS IoT Jobs (make a code-signing key, sign a
 * file, roll it out to a canary group and then the fleet).
 */
package dev.iotctl.cli.ota;
