package org.marketspine.console.protocol;

/** A frame we refuse, with the protocol error code to answer and a reason a person can act on. */
public final class DecodeException extends Exception {
    private final String code;

    public DecodeException(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
