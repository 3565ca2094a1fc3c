package org.marketspine.console.ui.health;

import org.marketspine.console.protocol.Role;
import org.marketspine.console.ui.ConsoleSnapshot;

/**
 * Whether this board can send a command now: the same three obstacles for every button (Retry,
 * Cancel, Acknowledge…), each of which words them its own way. The feed checks the same rules.
 */
enum SendGate {
    /** An audit bundle under offline review, or nothing from a feed yet: read-only. */
    REVIEW,
    NOT_LIVE,
    NOT_OPERATOR,
    OPEN;

    static SendGate of(boolean review, ConsoleSnapshot last) {
        if (review || last == null || last.isBundle()) return REVIEW;
        if (!last.connection().isLive()) return NOT_LIVE;
        if (last.welcome() != null && last.welcome().role() != Role.OPERATOR) return NOT_OPERATOR;
        return OPEN;
    }
}
