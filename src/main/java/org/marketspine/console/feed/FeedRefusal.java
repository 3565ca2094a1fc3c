package org.marketspine.console.feed;

/** A request or command the feed declines, with the protocol error code and a reason for a person. */
public final class FeedRefusal extends Exception {
    private final String code;

    public FeedRefusal(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
