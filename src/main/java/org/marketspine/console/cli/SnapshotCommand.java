package org.marketspine.console.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketspine.console.ui.BoardSnapshot;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spine-console snapshot}: renders the health board to a PNG and exits, with or without a display. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Render the health board (live from the feed, or the embedded demo) to a PNG.")
final class SnapshotCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.FeedOptions feed = new Main.FeedOptions();

    @Option(names = "--wall", description = "Render the wall board instead of the workstation board.")
    boolean wall;

    @Option(names = "--workspace", defaultValue = "health", description = "health, readiness or lineage (workstation only; default ${DEFAULT-VALUE}).")
    String workspace;

    @Option(names = "--view", defaultValue = "graph", description = "Lineage workspace only: graph, past, compare, audit or retention (default ${DEFAULT-VALUE}).")
    String view;

    @Option(names = "--out", required = true, description = "PNG file to write.")
    Path out;

    @Option(names = "--size", defaultValue = "1920x1080", description = "WIDTHxHEIGHT (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--wait", defaultValue = "20", description = "Seconds to wait for the feed to be live (default ${DEFAULT-VALUE}).")
    int waitSeconds;

    @Override
    public Integer call() throws Exception {
        String[] wh = size.toLowerCase().split("x");
        if (wh.length != 2) throw new CommandLine.ParameterException(new CommandLine(this), "--size must be WIDTHxHEIGHT, e.g. 1920x1080");
        int width = Integer.parseInt(wh[0].trim());
        int height = Integer.parseInt(wh[1].trim());
        int tab = switch (workspace) {
            case "health" -> 0;
            case "readiness" -> 1;
            case "lineage" -> 2;
            default -> throw new CommandLine.ParameterException(new CommandLine(this), "--workspace must be health, readiness or lineage");
        };
        BoardSnapshot.Result r = BoardSnapshot.render(feed.toLaunchOptions(wall), out, width, height, waitSeconds, tab, view);
        System.err.println("snapshot: wrote " + out + " (" + width + "×" + height + ", " + r.status() + ")");
        return r.live() ? 0 : 3;
    }
}
