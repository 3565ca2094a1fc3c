package org.marketspine.console.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Wire;

/**
 * A protocol client that keeps every event it was sent, in arrival order, across reconnects (to
 * whichever server): what a console's event log would hold. P14 checks these for gaps and
 * duplicates after a failover.
 */
final class FeedPeer implements WebSocket.Listener {
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Event> events = new ArrayList<>();
    private final Map<String, CompletableFuture<Message.CommandResult>> results = new ConcurrentHashMap<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket ws;
    private volatile CompletableFuture<Long> live = new CompletableFuture<>();
    private volatile Message.Welcome welcome;
    private volatile Message.SourceStatus status;
    private volatile Message.Checkpoint checkpoint;
    private volatile String problem;

    /** Connects to {@code url} and resumes after the last event it holds (0 at first). */
    FeedPeer connect(String url) {
        live = new CompletableFuture<>();
        partial.setLength(0); // a frame cut off by the last server's death is not the start of the next one
        ws = http.newWebSocketBuilder().buildAsync(URI.create(url), this).join();
        ws.sendText(Codec.encode(new Message.Hello(Wire.PROTOCOL, "p14/1", null, lastSeq())), true).join();
        return this;
    }

    /** Waits until the server said live; returns its head then. */
    long awaitLive(long seconds) throws Exception {
        return live.get(seconds, TimeUnit.SECONDS);
    }

    synchronized long lastSeq() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
    }

    synchronized List<Event> events() {
        return List.copyOf(events);
    }

    Message.Welcome welcome() {
        return welcome;
    }

    Message.SourceStatus status() {
        return status;
    }

    Message.Checkpoint checkpoint() {
        return checkpoint;
    }

    /** A frame this peer could not make sense of, or an error the server sent; null if none. */
    String problem() {
        return problem;
    }

    CompletableFuture<Message.CommandResult> send(Message.Command command) {
        CompletableFuture<Message.CommandResult> result = new CompletableFuture<>();
        results.put(command.id(), result);
        ws.sendText(Codec.encode(command), true);
        return result;
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            try {
                take(Codec.decode(frame));
            } catch (DecodeException e) {
                problem = "undecodable frame: " + e.getMessage();
            }
        }
        w.request(1);
        return null;
    }

    private void take(Message m) {
        switch (m) {
            case Message.Welcome x -> welcome = x;
            case Message.Events x -> {
                synchronized (this) {
                    events.addAll(x.items());
                }
            }
            case Message.Live x -> live.complete(x.headSeq());
            case Message.SourceStatus x -> status = x;
            case Message.Checkpoint x -> checkpoint = x;
            case Message.CommandResult x -> {
                CompletableFuture<Message.CommandResult> f = results.remove(x.id());
                if (f != null) f.complete(x);
            }
            case Message.Error x -> problem = "error " + x.code() + ": " + x.message();
            default -> { }
        }
    }

    @Override
    public void onError(WebSocket w, Throwable error) {
        live.completeExceptionally(error);
    }

    void close() {
        WebSocket w = ws;
        if (w != null) w.abort();
    }
}
