/**
 * Over-the-air firmware updates: the code-signing rule (ECDSA P-256 with SHA-256 over the file's
 * bytes) and the firmware job document devices receive. The CLI signs, the device verifies, with
 * this one implementation.
 */
package dev.iotctl.core.ota;
