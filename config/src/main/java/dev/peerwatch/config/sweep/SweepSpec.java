package dev.peerwatch.config.sweep;

import dev.peerwatch.config.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A sweep as its file states it: factors varied over a base scenario, a design that picks cells,
 * replications of every cell, a base seed.
 *
 * @param base the base scenario, loaded
 * @param baseTree the base scenario as {@link dev.peerwatch.config.scenario.Scenarios#effective}
 *     gives it: the tree each cell's factor levels are written into
 * @param baseFolder the folder relative profile paths of the base resolve against
 * @param design {@code grid}, {@code random} or {@code latin-hypercube}
 * @param designRuns the number of cells a random or Latin-hypercube design draws (0 for grid)
 * @param skipInfeasible whether cells whose scenario cannot be built are skipped (and listed)
 *     rather than rejected
 * @param effective the sweep with every default stated, for echoing and identity
 */
public record SweepSpec(
    String name,
    String description,
    Scenario base,
    Map<String, Object> baseTree,
    Path baseFolder,
    long seed,
    int replications,
    String design,
    int designRuns,
    boolean skipInfeasible,
    List<Factor> factors,
    Map<String, Object> effective,
    String source) {}
