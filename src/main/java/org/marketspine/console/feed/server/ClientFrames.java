package org.marketspine.console.feed.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.marketspine.console.feed.FeedRefusal;
import org.marketspine.console.feed.PlatformSource;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.DecodeException;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Wire;

/**
 * What a client's frames do: a hello is answered with a welcome (or a refusal, and the socket
 * closed), requests and commands go onto the platform thread in order, anything else is a
 * {@code bad_message}. Runs on the WebSocket threads; the server's settings are read through
 * {@link Settings} when a frame needs them (tokens are reloaded while the server runs).
 */
final class ClientFrames {
    private static final Logger LOG = Logger.getLogger(FeedServer.class.getName());

    /** What the server owns that a client's frames need. */
    interface Settings {
        TokenStore tokens();

        Session newSession(WebSocket conn);

        /** Counts a frame against the session's rate limit; false when it is over (the frame is dropped). */
        boolean admit(Session session);

        List<String> warnings();

        /** Starts the session's stream once its welcome is out, with the source status the others were told. */
        void greet(Session session, Runnable greeting);

        /** How long a new connection may take to say hello (the protocol's 10 s; tests shorten it). */
        Duration helloTimeout();
    }

    private final Journal journal;
    private final PlatformSource source;
    private final Clock clock;
    private final ScheduledExecutorService platform;
    /** Not the platform thread: a connection that never says hello is closed on time while the platform's work is stuck. */
    private final ScheduledExecutorService timers;
    private final CommandDesk desk;
    private final Settings settings;

    ClientFrames(Journal journal, PlatformSource source, Clock clock, ScheduledExecutorService platform, ScheduledExecutorService timers,
                 CommandDesk desk, Settings settings) {
        this.journal = journal;
        this.source = source;
        this.clock = clock;
        this.platform = platform;
        this.timers = timers;
        this.desk = desk;
        this.settings = settings;
    }

    /** A new connection's session; one that has not said hello within the protocol's time is closed. */
    Session opened(WebSocket conn) {
        Session session = settings.newSession(conn);
        Duration wait = settings.helloTimeout();
        try {
            timers.schedule(() -> {
                if (session.hello.tooLate() && conn.isOpen()) {
                    session.send(new Message.Error("bad_message", "no hello within " + seconds(wait) + " s", true));
                    conn.close(Wire.CLOSE_HELLO_TIMEOUT, "no hello");
                }
            }, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            conn.close(CloseFrame.GOING_AWAY, "the feed server is stopping"); // its timers are gone: nobody would end a silent peer
        }
        return session;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    /**
     * Answers a hello. One that fails half-way closes the connection: the hello timer no longer
     * would (the hello arrived), and an open, never-greeted socket counts against its address.
     */
    private void greet(Session session, Message.Hello hello) {
        try {
            onHello(session, hello);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not greet " + session.conn.getRemoteSocketAddress() + "; closing the connection", e);
            session.conn.close(CloseFrame.UNEXPECTED_CONDITION, "the feed could not greet this connection");
        }
    }

    private void onHello(Session session, Message.Hello hello) {
        if (hello.protocol() != Wire.PROTOCOL) {
            session.send(new Message.Error("unsupported_protocol", "this feed speaks protocol " + Wire.PROTOCOL
                    + ", not " + hello.protocol(), true));
            session.conn.close(Wire.CLOSE_BAD_PROTOCOL, "unsupported protocol");
            return;
        }
        TokenStore.Principal who = settings.tokens().authenticate(hello.token(), clock.instant());
        if (who == null) {
            // Audited in the server log: who tried (address), never the token itself.
            LOG.warning("refused connection from " + session.conn.getRemoteSocketAddress() + ": "
                    + (hello.token() == null || hello.token().isEmpty() ? "no token" : "unknown token"));
            session.send(new Message.Error("unauthorized", "a valid token is required", true));
            session.conn.close(Wire.CLOSE_UNAUTHORIZED, "unauthorized");
            return;
        }
        long resume = hello.resumeAfter() == null ? 0 : hello.resumeAfter();
        if (resume > journal.headSeq() && journal.isShared()) {
            // A client moving here from another server of the journal may hold events this one has not read yet.
            try {
                journal.catchUp();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot read the shared journal for a resuming client", e);
            }
        }
        long head = journal.headSeq();
        if (resume < 0 || resume > head) {
            session.send(new Message.Error(Wire.HISTORY_UNAVAILABLE, "resume_after " + resume + " is outside this feed's journal (head "
                    + head + ", feed " + journal.feedId() + "); resume from 0", true));
            session.conn.close(Wire.CLOSE_BAD_PROTOCOL, "bad resume_after");
            return;
        }
        List<String> capabilities = new ArrayList<>(source.acceptsCommands() ? List.of("commands", "checkpoint") : List.of("checkpoint"));
        capabilities.addAll(source.requestOps());
        session.send(new Message.Welcome(Wire.PROTOCOL, FeedServer.SERVER, source.platform(), clock.instant(), head, who.role(),
                who.user(), capabilities, journal.feedId(), settings.warnings(), journal.feedKey()));
        settings.greet(session, () -> session.greet(who, resume));
    }

    private void onRequest(Session session, Message.Request request) {
        if (session.refuseWhileStuck(request)) return;
        if ("checkpoint".equals(request.op())) {
            session.send(Checkpoints.answer(journal, request, clock.instant()));
            return;
        }
        platform.execute(() -> {
            try {
                JsonNode data = source.answer(request, journal.state());
                session.send(new Message.Response(request.id(), true, data, null));
            } catch (FeedRefusal refusal) {
                session.send(new Message.Response(request.id(), false, null,
                        new Message.ErrorInfo(refusal.code(), refusal.getMessage())));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request " + request.op() + " failed", e);
                session.send(new Message.Response(request.id(), false, null,
                        new Message.ErrorInfo("internal", "the feed could not answer: " + e.getMessage())));
            }
        });
    }

    private void onCommand(Session session, Message.Command command) {
        if (session.refuseWhileStuck(command)) return;
        platform.execute(() -> {
            try {
                session.send(desk.handle(command, session.principal()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "command " + command.op() + " failed", e);
                session.send(new Message.CommandResult(command.id(), false,
                        new Message.ErrorInfo("internal", "the feed could not carry out the command: " + e.getMessage()), null));
            }
        });
    }

    /** A binary frame: not part of protocol v1, and counted against the frame rate like any other (a binary flood is a flood). */
    void onBinaryFrame(Session session) {
        if (settings.admit(session)) session.send(new Message.Error("bad_message", "binary frames are not part of protocol v1; send text", false));
    }

    void onFrame(Session session, String frame) {
        // Counted before decoding: a flood of bad frames is a flood too.
        if (!settings.admit(session)) return;
        Message message;
        try {
            message = Codec.decode(frame);
        } catch (DecodeException e) {
            LOG.fine(() -> "bad frame from " + session.conn.getRemoteSocketAddress() + ": " + e.getMessage());
            session.send(new Message.Error(e.code(), e.getMessage(), false));
            return;
        }
        if (!session.isGreeted()) {
            if (message instanceof Message.Hello hello) {
                if (session.hello.arrived()) greet(session, hello); // else: too late, the connection is being closed
            } else {
                session.send(new Message.Error("bad_message", "the first frame must be hello", false));
            }
            return;
        }
        switch (message) {
            case Message.Request r -> onRequest(session, r);
            case Message.Command c -> onCommand(session, c);
            case Message.Hello h -> session.send(new Message.Error("bad_message", "already greeted", false));
            default -> session.send(new Message.Error("bad_message", "a client may not send '"
                    + frame.substring(0, Math.min(40, frame.length())) + "…' frames", false));
        }
    }
}
