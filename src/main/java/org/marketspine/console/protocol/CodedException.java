package org.marketspine.console.protocol;

/**
 * Something refused with one of the protocol's error codes ({@code code}, decided on) and a
 * reason a person can act on (the message, only shown).
 */
public abstract class CodedException extends Exception {
    private final String code;

    protected CodedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public final String code() {
        return code;
    }
}
