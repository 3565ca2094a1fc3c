package org.marketspine.console.bench;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.marketspine.console.feed.client.Backoff;
import org.marketspine.console.protocol.Codec;
import org.marketspine.console.protocol.Message;
import org.marketspine.console.protocol.Wire;

/**
 * One screen's worth of load on a feed, for P13: a WebSocket client that says hello, reads every
 * frame the feed sends and notes only when it went live and when each live events frame arrived.
 * It keeps no events, only its buffers (~80 KiB), so a thousand of them in the benchmark's JVM
 * add some 80 MB to what the heap measures. A stalled one says hello and never reads. A
 * refused connection is tried again with the console's own backoff, as a screen would.
 * Written on a plain socket: the library clients decode every replayed frame into a String, which
 * would make the benchmark measure its own clients.
 */
final class LoadClient implements Runnable {
    /** Frames up to this size are read and looked at; larger ones (replay batches) are skipped unread. */
    private static final int SMALL = 16 * 1024;
    private static final byte[] DISCARD = new byte[64 * 1024];

    private final int port;
    private final boolean reads;
    private final CountDownLatch live;
    private final long[] arrivals;
    private volatile int received;
    private volatile long liveAt;
    private volatile Throwable failure;
    private volatile Socket socket;
    private volatile boolean closed;
    private volatile int retries;
    private volatile Thread runner;

    LoadClient(int port, boolean reads, CountDownLatch live, int liveEvents) {
        this.port = port;
        this.reads = reads;
        this.live = live;
        this.arrivals = new long[liveEvents];
    }

    /** Connects until live, as a console does: a refusal (4429 while the server is busy greeting the crowd) is retried with its backoff. */
    @Override
    public void run() {
        runner = Thread.currentThread();
        for (int tried = 0; !closed; tried++) {
            try {
                if (tried > 0) {
                    retries++;
                    Thread.sleep(Backoff.delayMillis(tried, b -> ThreadLocalRandom.current().nextLong(b + 1)));
                }
                session();
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                if (liveAt != 0 && !closed) failure = e; // lost after it was live: the benchmark counts it as failed
            }
            if (liveAt != 0) return;
        }
    }

    /** One connection, until it ends. */
    private void session() throws IOException {
        try (Socket s = new Socket()) {
            socket = s;
            if (closed) return;
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress("127.0.0.1", port), 120_000);
            OutputStream out = s.getOutputStream();
            DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream(), 64 * 1024));
            out.write(("GET " + Wire.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = httpHead(in);
            if (!answer.startsWith("HTTP/1.1 101")) throw new IOException("handshake refused: " + answer.lines().findFirst().orElse(""));
            send(out, 0x1, Codec.encode(new Message.Hello(Wire.PROTOCOL, "p13-load", null, 0L)).getBytes(StandardCharsets.UTF_8));
            if (!reads) {
                // Stalled: hello said, nothing ever read, the socket held open until the benchmark closes it.
                while (!closed) LockSupport.park(this);
                return;
            }
            byte[] small = new byte[SMALL];
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7f;
                if (length == 126) length = in.readUnsignedShort();
                else if (length == 127) length = in.readLong();
                int opcode = b0 & 0x0f;
                if (length > SMALL) {
                    discard(in, length);
                    continue;
                }
                in.readFully(small, 0, (int) length);
                if (opcode == 0x8) return; // closed by the feed
                if (opcode == 0x9) {
                    send(out, 0xA, Arrays.copyOf(small, (int) length));
                    continue;
                }
                if (opcode != 0x1) continue;
                String text = new String(small, 0, (int) length, StandardCharsets.UTF_8);
                if (liveAt == 0) {
                    if (text.contains("\"type\":\"live\"")) {
                        liveAt = System.nanoTime();
                        live.countDown();
                    }
                } else if (text.contains("\"type\":\"events\"") && received < arrivals.length) {
                    arrivals[received] = System.nanoTime();
                    received = received + 1; // one writer: this client's thread
                }
            }
        }
    }

    /**
     * Reads and drops {@code n} bytes in 64-KiB reads. ({@code skipNBytes} on a socket stream reads
     * 2 KiB at a time: a thousand clients skipping 25 MB each made the benchmark measure its own
     * read calls.) One buffer for every client: what lands in it is never looked at.
     */
    private static void discard(InputStream in, long n) throws IOException {
        while (n > 0) {
            int r = in.read(DISCARD, 0, (int) Math.min(DISCARD.length, n));
            if (r < 0) throw new EOFException("the feed closed mid-frame");
            n -= r;
        }
    }

    private static String httpHead(DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new EOFException("no handshake answer");
            head.append((char) b);
        }
        return head.toString();
    }

    /** A client's frame is masked (RFC 6455 5.3); an all-zero mask leaves the payload as it is. */
    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        byte[] header = payload.length < 126 ? new byte[] {(byte) (0x80 | opcode), (byte) (0x80 | payload.length), 0, 0, 0, 0}
                : new byte[] {(byte) (0x80 | opcode), (byte) (0x80 | 126), (byte) (payload.length >> 8), (byte) payload.length, 0, 0, 0, 0};
        synchronized (out) {
            out.write(header);
            out.write(payload);
            out.flush();
        }
    }

    long liveAt() {
        return liveAt;
    }

    int received() {
        return received;
    }

    long arrival(int i) {
        return arrivals[i];
    }

    Throwable failure() {
        return failure;
    }

    int retries() {
        return retries;
    }

    void close() {
        closed = true;
        Thread t = runner;
        if (t != null) LockSupport.unpark(t);
        try {
            Socket s = socket;
            if (s != null) s.close();
        } catch (IOException e) {
            failure = e;
        }
    }
}
