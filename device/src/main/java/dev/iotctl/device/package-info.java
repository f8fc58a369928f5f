package dev.iotctl.device;
