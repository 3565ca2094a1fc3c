package org.marketspine.console.cli;

import picocli.CommandLine.Option;

/** The simulated platform's knobs, shared by the feed server and the app's embedded demo. */
final class DemoOptions {
    @Option(names = "--speed", paramLabel = "FACTOR", defaultValue = "1", description = "Demo: simulated seconds per second of live activity"
            + " (default ${DEFAULT-VALUE}).") double speed;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261125", description = "Demo: seed of the simulation"
            + " (default ${DEFAULT-VALUE}).") long seed;
}
