package dev.peerwatch.simulator.cluster;

/**
 * Marks the messages that cross between a sweep's coordinator and its workers. Only these are bound
 * to Jackson CBOR serialization (see {@link ClusterConfig}); Pekko refuses to deserialize any other
 * class that arrives from the network, so a peer cannot make a node build arbitrary objects.
 */
public interface ClusterMessage {}
