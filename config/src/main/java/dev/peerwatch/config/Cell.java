package dev.peerwatch.config;

/**
 * One probability of a profile with its provenance and the position in the file that set it.
 *
 * @param p the share of all episodes of the cell's configurations in which the act happens, in [0,
 *     1]
 */
public record Cell(double p, Provenance provenance, YamlTree.Where where) {}
