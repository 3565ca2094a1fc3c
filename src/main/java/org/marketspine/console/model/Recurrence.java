package org.marketspine.console.model;

import java.time.Duration;
import java.time.Instant;
import org.marketspine.console.protocol.EventData.ErrorDetail;

/**
 * How often a failure has happened before: the operator's "is this the first time?". Counted
 * over the 24 hours up to the failure, for the same pipeline and for the same error signature.
 */
public record Recurrence(int pipelineFailures, int sameErrorFailures) {
    public static final Duration WINDOW = Duration.ofHours(24);

    public static Recurrence of(PlatformState state, Execution failure) {
        Instant end = failure.endedAt();
        Instant start = end.minus(WINDOW);
        String signature = signature(failure.error());
        int pipeline = 0;
        int same = 0;
        for (int i = state.failures().size() - 1; i >= 0; i--) {
            Execution x = state.executions().get(state.failures().get(i));
            if (x.endedAt().isAfter(end)) continue;
            if (x.endedAt().isBefore(start)) break;
            if (!x.pipeline().equals(failure.pipeline())) continue;
            pipeline++;
            if (signature.equals(signature(x.error()))) same++;
        }
        return new Recurrence(pipeline, same);
    }

    public boolean isRecurring() {
        return pipelineFailures >= 2;
    }

    /** e.g. "3rd failure of this pipeline in 24 h (same error 3×)" or "first failure in 24 h". */
    public String describe() {
        if (pipelineFailures <= 1) return "first failure of this pipeline in 24 h";
        String text = ordinal(pipelineFailures) + " failure of this pipeline in 24 h";
        return sameErrorFailures > 1 ? text + " (same error " + sameErrorFailures + "×)" : text;
    }

    /** Errors that differ only in numbers (ids, counts, timestamps) are the same error. */
    public static String signature(ErrorDetail error) {
        if (error == null) return "";
        String m = error.message();
        StringBuilder b = new StringBuilder(error.type().length() + m.length() + 1).append(error.type()).append(':');
        boolean inNumber = false;
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit) b.append(c);
            else if (!inNumber) b.append('#');
            inNumber = digit;
        }
        return b.toString();
    }

    static String ordinal(int n) {
        int mod100 = n % 100;
        String suffix = (mod100 >= 11 && mod100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
