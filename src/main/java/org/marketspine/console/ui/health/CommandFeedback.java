package org.marketspine.console.ui.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.ui.CommandSender;

/**
 * Sends the board's commands and says how each went: in the detail of the execution it is about
 * (only while that execution is still the one shown), or, for a command about no one execution
 * (backfill, acknowledge), on the board's own line.
 */
final class CommandFeedback {
    private final CommandSender feed;
    /** The hop back onto the FX thread for answers that arrive on a feed thread. */
    private final Executor fx;
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper detailOk = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper board = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper boardOk = new ReadOnlyBooleanWrapper(true);
    /** The execution the detail's line is about: a result never shows in another execution's detail. */
    private String owner;

    CommandFeedback(CommandSender feed, Executor fx) {
        this.feed = feed;
        this.fx = fx;
    }

    /** The detail now shows {@code executionId}: a late answer about the one before must not land in it. */
    void shown(String executionId) {
        if (owner != null && !owner.equals(executionId)) {
            detail.set("");
            owner = null;
        }
    }

    /** Sends {@code command}; its outcome goes to the detail of {@code executionId}, or to the board's line when null. */
    void send(Command command, String what, String executionId) {
        boolean inDetail = executionId != null;
        if (inDetail) owner = executionId;
        show(inDetail, true, what + " sent…");
        feed.command(command).whenComplete((result, error) -> fx.execute(() -> {
            if (inDetail && !executionId.equals(owner)) return; // another command's result now owns the line
            if (error != null) {
                show(inDetail, false, what + " was not sent: " + rootMessage(error));
            } else if (result.ok()) {
                var ids = result.data() == null ? null : result.data().path("execution_ids");
                show(inDetail, true, what + " accepted" + (ids != null && ids.size() > 0 ? " → queued " + join(ids) : "") + ".");
            } else {
                show(inDetail, false, what + " refused by the feed (" + result.error().code() + "): " + result.error().message());
            }
        }));
    }

    private void show(boolean inDetail, boolean ok, String text) {
        (inDetail ? detailOk : boardOk).set(ok);
        (inDetail ? detail : board).set(text);
    }

    private static String join(JsonNode ids) {
        StringBuilder b = new StringBuilder();
        for (var n : ids) b.append(b.isEmpty() ? "" : ", ").append(n.asText());
        return b.toString();
    }

    /** What went wrong, in the innermost exception's words. */
    static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty detailOkProperty() { return detailOk.getReadOnlyProperty(); }
    ReadOnlyStringProperty boardProperty() { return board.getReadOnlyProperty(); }
    ReadOnlyBooleanProperty boardOkProperty() { return boardOk.getReadOnlyProperty(); }
}
