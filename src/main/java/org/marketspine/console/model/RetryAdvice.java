package org.marketspine.console.model;

import org.marketspine.console.protocol.Classification;

/** Whether a retry is possible now and whether it is wise: the operator's "can I retry this safely?". */
public final class RetryAdvice {
    private RetryAdvice() {}

    /** Why a retry cannot be sent now, or null when it can. The server checks the same rule. */
    public static String blockedReason(PlatformState s, Execution x) {
        if (x.status().isActive()) return "This execution is still " + x.status().name().toLowerCase() + ".";
        Execution active = s.activeRun(x.runKey());
        if (active != null) {
            return "Retry disabled: " + x.pipeline() + " for the same partition is " + active.status().name().toLowerCase()
                    + " now (" + active.executionId() + ").";
        }
        return null;
    }

    /** One sentence on what a retry is likely to do. */
    public static String advice(Execution x) {
        if (x.error() == null) return "";
        Classification c = x.error().classification();
        return switch (c) {
            case TRANSIENT -> "Transient (" + x.error().type() + "): safe to retry; it usually passes on the next attempt.";
            case SYSTEMIC -> "Systemic (" + x.error().type() + "): a retry will fail again until the cause is fixed.";
            case UNKNOWN -> "Unclassified error: check the logs before retrying.";
        };
    }
}
