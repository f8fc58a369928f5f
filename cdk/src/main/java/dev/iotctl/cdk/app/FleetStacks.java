package dev.iotctl.cdk.app;

import dev.iotctl.cdk.stacks.CoreStack;
import dev.iotctl.cdk.stacks.FleetShardStack;
import java.util.SortedMap;

/** The stacks of one fleet: the core and the non-empty shards by shard number. */
public record FleetStacks(CoreStack core, SortedMap<Integer, FleetShardStack> shards) {}
