/** The sample shadow device of the AWS IoT hands-on, as a command and as an embeddable app. */
package dev.iotctl.device.sample;
