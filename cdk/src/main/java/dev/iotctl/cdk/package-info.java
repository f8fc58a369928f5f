package dev.iotctl.cdk;
