package org.marketspine.console.model;

import org.marketspine.console.protocol.Classification;

/** Whether a retry is possible now and whether it is wise: the operator's "can I retry this safely?". */
public final class RetryAdvice {
    private RetryAdvice() {}

    /**
     * The one retry rule, which the server enforces and the advice line explains: a retry is refused
     * while a run of the same pipeline and partition is queued or running (R4) — this execution
     * itself, or another. That run, or null when a retry may be sent.
     */
    public static Execution blockingRun(PlatformState s, Execution x) {
        if (x.status().isActive()) return x;
        return s.activeRun(x.runKey());
    }

    /** Why a retry cannot be sent now, or null when it can: {@link #blockingRun}, for a person. */
    public static String blockedReason(PlatformState s, Execution x) {
        Execution active = blockingRun(s, x);
        if (active == null) return null;
        if (active == x) return "This execution is still " + x.status().name().toLowerCase() + ".";
        return "Retry disabled: " + x.pipeline() + " for the same partition is " + active.status().name().toLowerCase()
                + " now (" + active.executionId() + ").";
    }

    /** The latest success of the same pipeline and params that ended after {@code failed}, or null. */
    public static Execution succeededSince(PlatformState s, Execution failed) {
        if (failed.endedAt() == null) return null;
        for (int i = s.executionOrder().size() - 1; i >= 0; i--) {
            Execution x = s.executions().get(s.executionOrder().get(i));
            // Executions are in queue order; R4 keeps one run per partition at a time, so a later success was queued later.
            if (x.queuedAt() != null && x.queuedAt().isBefore(failed.queuedAt() == null ? failed.endedAt() : failed.queuedAt())) break;
            if (x.status() == ExecutionStatus.SUCCEEDED && x.endedAt() != null && x.endedAt().isAfter(failed.endedAt())
                    && x.runKey().equals(failed.runKey())) {
                return x;
            }
        }
        return null;
    }

    /**
     * One sentence on what a retry is likely to do — or, when the same pipeline and params has
     * succeeded since this failure ({@code ok}, from {@link #succeededSince}; null if not), that
     * there is nothing to retry.
     */
    public static String advice(Execution x, Execution ok) {
        if (x.error() == null) return "";
        if (ok != null) {
            return "Resolved: " + ok.executionId() + " succeeded for the same partition after this failure; no retry needed.";
        }
        Classification c = x.error().classification();
        String stopped = x.error().retriesStopped()
                ? " Dead-lettered: the platform has stopped retrying it by itself; it stays failed until someone retries or resolves it." : "";
        return switch (c) {
            case TRANSIENT -> "Transient (" + x.error().type() + "): safe to retry; it usually passes on the next attempt." + stopped;
            case SYSTEMIC -> "Systemic (" + x.error().type() + "): a retry will fail again until the cause is fixed." + stopped;
            case UNKNOWN -> "Unclassified error: check the logs before retrying." + stopped;
        };
    }
}
