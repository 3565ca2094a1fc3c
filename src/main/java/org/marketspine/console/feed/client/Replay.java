package org.marketspine.console.feed.client;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Message;

/** A feed's whole journal, fetched once from seq 1 until live: what headless tools (bundle export) work from. */
public final class Replay {
    public record Result(EventLog log, Message.Welcome welcome) {}

    private Replay() {}

    public static Result fetch(URI feed, String token, long timeoutSeconds) throws IOException, InterruptedException {
        return fetch(feed, token, null, timeoutSeconds);
    }

    /** @param trustCert a PEM certificate trusted for {@code wss://} besides the system store (null: none) */
    public static Result fetch(URI feed, String token, java.nio.file.Path trustCert, long timeoutSeconds) throws IOException, InterruptedException {
        javax.net.ssl.SSLContext tls = org.marketspine.console.feed.tls.ClientTls.context(trustCert);
        EventLog log = new EventLog();
        AtomicReference<Message.Welcome> welcome = new AtomicReference<>();
        AtomicReference<ConnectionState> last = new AtomicReference<>();
        CountDownLatch live = new CountDownLatch(1);
        try (LogWriter writer = new LogWriter(log, l -> { });
             FeedClient client = new FeedClient(feed, token, 0, new FeedClient.Listener() {
                 @Override
                 public void onWelcome(Message.Welcome w) {
                     welcome.set(w);
                 }

                 @Override
                 public void onEvents(List<Event> events) {
                     writer.submit(events);
                 }

                 @Override
                 public void onState(ConnectionState s) {
                     last.set(s);
                     if (s.isLive()) live.countDown();
                 }
             }, Clock.systemUTC()).trust(tls).start()) {
            if (!live.await(timeoutSeconds, TimeUnit.SECONDS)) {
                ConnectionState s = last.get();
                throw new IOException("the feed at " + feed + " did not finish its replay within " + timeoutSeconds + " s ("
                        + (s == null ? "no answer" : s.phase() + (s.detail() == null ? "" : ": " + s.detail())) + ")");
            }
            writer.awaitIdle(timeoutSeconds, TimeUnit.SECONDS);
        }
        return new Result(log, welcome.get());
    }
}
