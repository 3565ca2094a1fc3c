package org.marketspine.console.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.marketspine.console.protocol.Command;
import org.marketspine.console.protocol.Message;

/**
 * What a view model may ask of the feed: a command or a read-only request, answered later (on a
 * feed thread: the view model hops back onto the FX thread itself). A port, so a view model
 * tests with a fake and no feed.
 */
public interface CommandSender {
    CompletableFuture<Message.CommandResult> command(Command command);

    CompletableFuture<Message.Response> request(Message.Request request);

    /** Asks, and hands the answer (or the error) to {@code answer} on {@code on} — the view models' hop back onto the FX thread. */
    default void request(Message.Request request, Executor on, BiConsumer<Message.Response, Throwable> answer) {
        request(request).whenComplete((response, error) -> on.execute(() -> answer.accept(response, error)));
    }

    /** A fresh request id. */
    String nextId(String prefix);

    /** For a screen that sends nothing (the wall): every call fails, saying {@code why}. */
    static CommandSender none(String why) {
        return new CommandSender() {
            @Override
            public CompletableFuture<Message.CommandResult> command(Command command) {
                return CompletableFuture.failedFuture(new IllegalStateException(why));
            }

            @Override
            public CompletableFuture<Message.Response> request(Message.Request request) {
                return CompletableFuture.failedFuture(new IllegalStateException(why));
            }

            @Override
            public String nextId(String prefix) {
                return prefix + "none";
            }
        };
    }
}
