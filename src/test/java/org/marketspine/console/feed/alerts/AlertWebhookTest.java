package org.marketspine.console.feed.alerts;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marketspine.console.model.PlatformState;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.SourceState;
import org.marketspine.console.testing.Await;
import org.marketspine.console.testing.MutableClock;

/** The feed's alerts reach a webhook: exactly one post per red turn, retried when the hook fails, never carrying a token. */
class AlertWebhookTest {
    static final String TOKEN = "sk-feed-operator-7f3a9c";

    HttpServer hook;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> headers = new CopyOnWriteArrayList<>();
    final AtomicInteger failFirst = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();

    @BeforeEach
    void startHook() throws Exception {
        hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/services/T000/B000/secret-path", exchange -> {
            attempts.incrementAndGet();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failFirst.getAndDecrement() > 0 ? 500 : 200;
            if (status == 200) {
                bodies.add(body);
                headers.add(exchange.getRequestHeaders().toString());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        hook.start();
    }

    @AfterEach
    void stopHook() {
        hook.stop(0);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/services/T000/B000/secret-path");
    }

    @Test
    void exactlyOnePostPerRedTurnAndNoneCarriesAToken() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
        AtomicReference<PlatformState> state = new AtomicReference<>(PlatformState.EMPTY);
        List<Alert> handed = new CopyOnWriteArrayList<>();
        try (Webhooks webhooks = new Webhooks(List.of(url()), Duration.ofMillis(10))) {
            AlertWatcher watcher = new AlertWatcher(state::get, () -> state.get().seq(),
                    () -> new Message.SourceStatus(SourceState.CURRENT, clock.instant(), "", null), "Market Spine prod", "feed-1",
                    clock, alert -> {
                        handed.add(alert);
                        webhooks.send(alert);
                    });
            watcher.look(); // the baseline: green
            state.set(AlertRulesTest.critical(state.get(), "an-1"));
            watcher.look();
            Await.until("the first red alert", Duration.ofSeconds(10), () -> bodies.size() == 1);
            clock.advance(Duration.ofMinutes(5));
            watcher.look(); // still red, looked at again after the quiet recheck: nothing new
            state.set(AlertRulesTest.resolved(state.get(), "an-1"));
            watcher.look(); // green
            state.set(AlertRulesTest.critical(state.get(), "an-2"));
            watcher.look(); // red again: a second turn
            Await.until("the second red alert", Duration.ofSeconds(10), () -> bodies.size() == 2);
            watcher.close();
        }
        assertEquals(List.of(Alert.Kind.HEALTH_RED, Alert.Kind.HEALTH_RED), handed.stream().map(Alert::kind).toList(),
                "one alert per turn to red, none while it stays red");
        assertEquals(2, bodies.stream().filter(b -> b.contains("\"kind\":\"health_red\"")).count(), String.join("\n", bodies));
        assertTrue(bodies.getFirst().contains("\"text\":\"🔴 Market Spine prod is RED"), bodies.getFirst());
        for (String b : bodies) assertFalse(b.contains(TOKEN) || b.toLowerCase().contains("token"), b);
        for (String h : headers) assertFalse(h.toLowerCase().contains("authorization"), h);
    }

    @Test
    void aFailingHookIsRetriedUntilItTakesTheAlert() {
        failFirst.set(2);
        Alert alert = new Alert(Alert.Kind.HEALTH_RED, "health_red@t", Instant.parse("2026-12-02T08:00:00Z"), "🔴 red", Map.of());
        try (Webhooks webhooks = new Webhooks(List.of(url()), Duration.ofMillis(10))) {
            webhooks.send(alert);
            Await.until("the alert delivered on the third attempt", Duration.ofSeconds(10), () -> bodies.size() == 1);
        }
        assertEquals(3, attempts.get());
    }

    @Test
    void aWebhookIsNamedInLogsByItsHostOnly() {
        String where = Webhooks.where(url());
        assertFalse(where.contains("secret-path"), where);
        assertTrue(where.startsWith("http://127.0.0.1:"), where);
        assertNotNull(Webhooks.problem(URI.create("file:///etc/passwd")));
    }
}
