package org.marketspine.console.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The revisions behind a capture, newest first, followed by their {@code supersedes} ids. A walk
 * stops at the first capture already seen: a feed can send a cycle (A revises B, B revises A, or a
 * capture id used twice), and a reader that trusted the links would loop forever on the thread
 * that asked — the demo platform's did, and so would the readiness detail on the FX thread.
 */
public final class RevisionChain {
    private RevisionChain() {}

    /** How many {@code supersedes} links lead back from {@code newest} (its revision number), cycles cut. */
    public static int depth(PlatformState s, Capture newest) {
        return newestFirst(s, newest, Integer.MAX_VALUE).size();
    }

    /**
     * The captures from {@code newest} back that each revised an older one, newest first, at most
     * {@code limit}; each one's {@code supersedes} names the capture it revised (which the state may
     * no longer hold).
     */
    public static List<Capture> newestFirst(PlatformState s, Capture newest, int limit) {
        List<Capture> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Capture at = newest; revises(at) && out.size() < limit && seen.add(at.captureId());
             at = s.capture(at.recorded().supersedes())) {
            out.add(at);
        }
        return out;
    }

    private static boolean revises(Capture c) {
        return c != null && c.recorded().supersedes() != null;
    }
}
