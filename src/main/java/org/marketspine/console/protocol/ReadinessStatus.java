package org.marketspine.console.protocol;

/** Whether a partition is safe to use. Names are the wire values. */
public enum ReadinessStatus {
    CERTIFIED, PRELIMINARY, BLOCKED, MISSING
}
