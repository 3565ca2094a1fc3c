package org.marketspine.console.feed.alerts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marketspine.console.protocol.Codec;

/**
 * Posts alerts to webhook URLs (Slack and Teams incoming webhooks take the {@code text}; the other
 * fields are for scripts), on a thread of its own, retrying a failed post with backoff. A webhook
 * URL is itself a secret (whoever holds it can post to the channel): logs name only its host.
 */
public final class Webhooks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Webhooks.class.getName());
    static final int ATTEMPTS = 5;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final List<URI> urls;
    private final Duration firstRetry;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("alert-webhooks").factory());

    /** @param firstRetry the wait before the second attempt; it doubles for each one after (1 s in production) */
    public Webhooks(List<URI> urls, Duration firstRetry) {
        for (URI u : urls) {
            String problem = problem(u);
            if (problem != null) throw new IllegalArgumentException(problem);
        }
        this.urls = List.copyOf(urls);
        this.firstRetry = firstRetry;
    }

    /** Why {@code u} cannot be a webhook, or null. */
    public static String problem(URI u) {
        boolean web = "https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme());
        return web && u.getHost() != null ? null : "an alert webhook must be an http(s) URL with a host";
    }

    /** What a log may say of a webhook: its scheme and host, never its path (the path is the secret). */
    static String where(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + "/…";
    }

    static String body(Alert a) {
        ObjectNode json = Codec.mapper().createObjectNode();
        json.put("text", a.text());
        json.put("kind", a.kind().wire());
        json.put("key", a.key());
        ObjectNode fields = json.putObject("fields");
        a.fields().forEach(fields::put);
        return json.toString();
    }

    /** Queues {@code alert} for every webhook; returns at once. */
    public void send(Alert alert) {
        String body = body(alert);
        for (URI url : urls) sender.execute(() -> attempt(url, body, alert, 1));
    }

    private void attempt(URI url, String body, Alert alert, int n) {
        String failure;
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 == 2) {
                LOG.info("alert " + alert.kind().wire() + " (" + alert.key() + ") delivered to " + where(url));
                return;
            }
            failure = "HTTP " + r.statusCode();
        } catch (IOException e) {
            failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (n >= ATTEMPTS) {
            LOG.warning("alert " + alert.kind().wire() + " (" + alert.key() + ") not delivered to " + where(url) + " after " + n
                    + " attempts (last: " + failure + ")");
            return;
        }
        long delay = firstRetry.toMillis() << (n - 1);
        LOG.log(Level.FINE, "alert to " + where(url) + " failed (" + failure + "); retrying in " + delay + " ms");
        if (!sender.isShutdown()) sender.schedule(() -> attempt(url, body, alert, n + 1), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        sender.shutdownNow();
        http.shutdownNow();
    }
}
