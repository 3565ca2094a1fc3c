package org.marketspine.console.feed;

import org.marketspine.console.protocol.CodedException;

/** A request or command the feed declines, with the protocol error code and a reason for a person. */
public final class FeedRefusal extends CodedException {
    public FeedRefusal(String code, String message) {
        super(code, message);
    }
}
