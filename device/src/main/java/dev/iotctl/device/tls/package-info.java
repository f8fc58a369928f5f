/** PEM certificates and keys to a mutual TLS 1.2 context. */
package dev.iotctl.device.tls;
