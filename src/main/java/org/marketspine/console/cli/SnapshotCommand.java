package org.marketspine.console.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketspine.console.ui.BoardSnapshot;
import org.marketspine.console.ui.LaunchOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code spine-console snapshot}: renders the health board to a PNG and exits, with or without a display. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Render the health board (live from the feed, the embedded demo, or a bundle under review) to a PNG.")
final class SnapshotCommand implements Callable<Integer> {
    @CommandLine.Mixin
    Main.FeedOptions feed = new Main.FeedOptions();

    @Option(names = "--wall", description = "Render the wall board instead of the workstation board.") boolean wall;

    @Option(names = "--workspace", defaultValue = "health", description = "health, readiness or lineage (workstation only;"
            + " default ${DEFAULT-VALUE}).") String workspace;

    @Option(names = "--view", defaultValue = "graph", description = "Lineage workspace only: graph, past, compare, audit or retention"
            + " (default ${DEFAULT-VALUE}).") String view;

    @Option(names = "--bundle", paramLabel = "FILE", description = "Render an audit bundle under offline review instead of a feed "
            + "(verified first against your trust list; a bundle that fails shows its refusal).") Path bundle;

    @Option(names = "--about", description = "Render with \"About this feed\" open over the window (workstation only).") boolean about;

    @Option(names = "--out", required = true, description = "PNG file to write.") Path out;

    @Option(names = "--size", defaultValue = "1920x1080", description = "WIDTHxHEIGHT (default ${DEFAULT-VALUE}).") String size;

    @Option(names = "--wait", defaultValue = "20", description = "Seconds to wait for the feed to be live"
            + " (default ${DEFAULT-VALUE}).") int waitSeconds;

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
        LaunchOptions o = feed.toLaunchOptions(wall);
        if (bundle != null) {
            if (!Files.isRegularFile(bundle)) {
                System.err.println("snapshot: no bundle file at " + bundle);
                return 2;
            }
            if (wall) throw new CommandLine.ParameterException(new CommandLine(this), "--bundle is reviewed on the workstation, not the wall");
            o = new LaunchOptions(null, null, false, o.seed(), o.speed(), o.dataDir(), bundle);
        }
        BoardSnapshot.Result r = BoardSnapshot.render(o, out, width, height, waitSeconds, tab, view, about);
        System.err.println("snapshot: wrote " + out + " (" + width + "×" + height + ", " + r.status() + ")");
        return r.live() ? 0 : 3;
    }
}
