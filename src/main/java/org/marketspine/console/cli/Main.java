package org.marketspine.console.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code spine-console}: the command line. With no subcommand it starts the embedded demo feed
 * (the desktop window arrives with the health board). Not a JavaFX Application on purpose: the
 * launcher must run without JavaFX on the module path.
 */
@Command(name = "spine-console", mixinStandardHelpOptions = true, version = "spine-console 0.1.0",
        description = "Spine Console: the desktop control plane and metadata feed for Market Spine.",
        subcommands = {FeedCommand.class, BenchCommand.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        Logging.configure();
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || args.length == 0 || !keepsRunning(args)) System.exit(code);
    }

    private static boolean keepsRunning(String[] args) {
        return args.length > 0 && args[0].equals("feed") && !(args.length > 1 && args[1].equals("token"));
    }

    @Override
    public Integer call() throws Exception {
        // Until the window exists, the default is the embedded demo feed on loopback.
        return new CommandLine(new FeedCommand()).execute("--demo", "--port", "8765");
    }
}
