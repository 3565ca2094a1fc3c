package org.marketspine.console.protocol;

/** Protocol constants shared by the server, the client and the tests. */
public final class Wire {
    private Wire() {}

    public static final int PROTOCOL = 1;
    public static final String PATH = "/feed";
    public static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;
    public static final int HEARTBEAT_SECONDS = 5;
    /** While live, a signed checkpoint follows an uncovered event within this long. */
    public static final int CHECKPOINT_SECONDS = 60;
    public static final int CLIENT_SILENCE_SECONDS = 15;
    public static final int HELLO_TIMEOUT_SECONDS = 10;

    /**
     * Error code (fatal, then close 4400): the server does not hold the history after the client's
     * {@code resume_after} (it is beyond this journal's head: the client holds another journal's events).
     * The client drops what it holds and starts from 0.
     */
    public static final String HISTORY_UNAVAILABLE = "history_unavailable";

    public static final int CLOSE_BAD_PROTOCOL = 4400;
    public static final int CLOSE_UNAUTHORIZED = 4401;
    public static final int CLOSE_HELLO_TIMEOUT = 4408;
    public static final int CLOSE_RATE_LIMITED = 4429;
    /** The client left over the unsent-bytes bound for 30 s ("Slow consumers"): it reconnects and resumes. */
    public static final int CLOSE_TOO_SLOW = 4413;
}
