package org.marketspine.console.testing;

import java.util.Set;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/**
 * The nodes a user can see. A look-up by id also finds list cells that a virtual flow keeps
 * hidden for reuse (its pile and its measuring cell), still labelled with an item they showed
 * before: a test that counts or reads those sees a row that is not on the screen.
 */
public final class Shown {
    private Shown() {}

    public static Set<Node> all(FxRobot robot, String query) {
        return robot.lookup(query).match(Shown::isShown).queryAll();
    }

    /** The one shown node of the query (fails if there is none). */
    public static Node one(FxRobot robot, String query) {
        return robot.lookup(query).match(Shown::isShown).query();
    }

    static boolean isShown(Node node) {
        if (node.getScene() == null) return false;
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }
}
