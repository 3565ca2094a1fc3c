package org.marketspine.console.protocol;

/** A frame we refuse, with the protocol error code to answer and a reason a person can act on. */
public final class DecodeException extends CodedException {
    public DecodeException(String code, String reason) {
        super(code, reason);
    }
}
