package org.marketspine.console.feed.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import javax.net.ssl.SSLContext;
import org.marketspine.console.feed.tls.ClientTls;
import org.marketspine.console.model.EventLog;
import org.marketspine.console.protocol.Event;
import org.marketspine.console.protocol.Message;

/**
 * A feed's whole journal, fetched once from seq 1 until live: what headless tools (bundle export)
 * work from. Keeps each event's canonical text as it arrived and the checkpoints the feed signed,
 * and asks the feed for its checkpoint at the seq the caller will end its bundle at.
 */
public final class Replay {
    /**
     * @param texts each event's canonical JSON as the feed sent it (index i = seq i+1)
     * @param checkpoints the feed's checkpoints this client checked, the last one at {@code endSeq}
     */
    public record Result(EventLog log, Message.Welcome welcome, List<String> texts, List<Message.Checkpoint> checkpoints, String integrity) {}

    private Replay() {}

    public static Result fetch(URI feed, String token, long timeoutSeconds) throws IOException, InterruptedException {
        return fetch(feed, token, null, timeoutSeconds, log -> log.headSeq());
    }

    /**
     * @param trustCert a PEM certificate trusted for {@code wss://} besides the system store (null: none)
     * @param endSeq given the replayed log, the seq whose signed checkpoint to ask for (0: none)
     */
    public static Result fetch(URI feed, String token, Path trustCert, long timeoutSeconds, ToLongFunction<EventLog> endSeq)
            throws IOException, InterruptedException {
        SSLContext tls = ClientTls.context(trustCert);
        EventLog log = new EventLog();
        AtomicReference<Message.Welcome> welcome = new AtomicReference<>();
        AtomicReference<ConnectionState> last = new AtomicReference<>();
        AtomicReference<String> integrity = new AtomicReference<>();
        List<String> texts = Collections.synchronizedList(new ArrayList<>());
        List<Message.Checkpoint> checkpoints = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch live = new CountDownLatch(1);
        try (LogWriter writer = new LogWriter(log, l -> { });
             FeedClient client = new FeedClient(feed, token, 0, new FeedListener() {
                 @Override
                 public void onWelcome(Message.Welcome w) {
                     welcome.set(w);
                 }

                 @Override
                 public void onEvents(List<Event> events) {
                     writer.submit(events);
                 }

                 @Override
                 public void onItems(List<Event> events, List<String> canonical) {
                     writer.submit(events);
                     texts.addAll(canonical);
                 }

                 @Override
                 public void onCheckpoint(Message.Checkpoint c) {
                     checkpoints.add(c);
                 }

                 @Override
                 public void onIntegrity(String problem) {
                     integrity.set(problem);
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
            // Every event the client took is in the log, or the fetch fails: a bundle must never silently end early.
            writer.flush(Duration.ofSeconds(timeoutSeconds));
            long end = log.size() == 0 ? 0 : endSeq.applyAsLong(log);
            if (end > 0 && welcome.get() != null && welcome.get().feedKey() != null) {
                try {
                    checkpoints.add(client.checkpoint(end).get(timeoutSeconds, TimeUnit.SECONDS));
                } catch (ExecutionException | TimeoutException e) {
                    throw new IOException("the feed did not give its signed checkpoint at seq " + end + ": "
                            + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
                }
            }
            if (client.integrityProblem() != null) integrity.set(client.integrityProblem());
        }
        return new Result(log, welcome.get(), List.copyOf(texts), List.copyOf(checkpoints), integrity.get());
    }
}
