package org.marketspine.console.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.ui.CommandSender;

/** A view model's feed in a test: records each command; the test answers by completing its future. Requests fail. */
public final class FakeFeed implements CommandSender {
    public final List<Command> sent = new ArrayList<>();
    public final List<CompletableFuture<Message.CommandResult>> answers = new ArrayList<>();

    @Override
    public CompletableFuture<Message.CommandResult> command(Command command) {
        sent.add(command);
        CompletableFuture<Message.CommandResult> f = new CompletableFuture<>();
        answers.add(f);
        return f;
    }

    @Override
    public CompletableFuture<Message.Response> request(Message.Request request) {
        return CompletableFuture.failedFuture(new IllegalStateException("this test asks the feed nothing"));
    }

    @Override
    public String nextId(String prefix) {
        return prefix + sent.size();
    }
}
