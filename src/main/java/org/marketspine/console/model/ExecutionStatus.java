package org.marketspine.console.model;

/** Lifecycle of an execution as the feed reports it. */
public enum ExecutionStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** Queued or running: a retry or backfill of the same partition would run it twice. */
    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
