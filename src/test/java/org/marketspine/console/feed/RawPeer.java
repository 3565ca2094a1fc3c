package org.marketspine.console.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One raw protocol connection made with the JDK's WebSocket client: the frames it got and how it was closed. */
final class RawPeer implements WebSocket.Listener {
    final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket ws;

    /** Opens a connection to {@code url} (no hello sent yet). */
    static RawPeer open(HttpClient http, String url) {
        RawPeer p = new RawPeer();
        p.ws = http.newWebSocketBuilder().buildAsync(URI.create(url), p).join();
        return p;
    }

    /** Opens a connection and says hello with {@code token}. */
    static RawPeer hello(String url, String token) {
        RawPeer p = open(HttpClient.newHttpClient(), url);
        p.ws.sendText("{\"type\":\"hello\",\"protocol\":1,\"client\":\"test/1\",\"token\":\"" + token + "\",\"resume_after\":0}", true).join();
        return p;
    }

    @Override
    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        w.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
        closed.complete(code);
        return null;
    }

    /** The next frame containing {@code text}, within 10 s. */
    String next(String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            String f = frames.poll(100, TimeUnit.MILLISECONDS);
            if (f != null && f.contains(text)) return f;
        }
        throw new AssertionError("no frame with " + text + " within 10 s");
    }

    /** The next frame of a given {@code type}. */
    String nextOfType(String type) throws InterruptedException {
        return next("\"type\":\"" + type + "\"");
    }
}
