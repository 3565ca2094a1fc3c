package org.marketspine.console.ui;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OS notification for a new critical: the desktop's own tool where there is one, nothing where there is none, never script from a failure's text. */
class DesktopNotifierTest {
    @Test
    void aLinuxDesktopWithNotifySendGetsACriticalNotification() {
        List<String> cmd = DesktopNotifier.commandFor("Linux", Map.of("PATH", "/usr/local/bin:/usr/bin"),
                Path.of("/usr/bin/notify-send")::equals).apply("Critical failure: ingest", "SchemaError: column missing");
        assertEquals(List.of("/usr/bin/notify-send", "--app-name=Spine Console", "--urgency=critical", "Critical failure: ingest",
                "SchemaError: column missing"), cmd);
    }

    @Test
    void aDesktopWithoutOneGetsNothing() {
        assertNull(DesktopNotifier.commandFor("Linux", Map.of("PATH", "/usr/bin"), p -> false));
        assertNull(DesktopNotifier.commandFor("Windows 11", Map.of(), p -> true));
    }

    @Test
    void onMacOsAFailuresTextStaysAStringInTheScript() {
        List<String> cmd = DesktopNotifier.commandFor("Mac OS X", Map.of(), p -> false).apply("Critical", "bad \" & do shell script \"rm -rf ~\"");
        assertEquals("osascript", cmd.get(0));
        assertEquals("display notification \"bad \\\" & do shell script \\\"rm -rf ~\\\"\" with title \"Critical\"", cmd.get(2));
    }
}
