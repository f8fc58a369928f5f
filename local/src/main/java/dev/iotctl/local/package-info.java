package dev.iotctl.local;
