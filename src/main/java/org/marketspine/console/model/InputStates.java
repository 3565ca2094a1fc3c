package org.marketspine.console.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The exact captures a derived capture was computed from, each with the readiness of that very
 * capture. A partition's readiness speaks for its current capture only: once an input has been
 * superseded, the partition's CERTIFIED is about its revision, not about the data used.
 */
public final class InputStates {
    private InputStates() {}

    /** What is known of one input capture now. */
    public enum State { CERTIFIED, PRELIMINARY, BLOCKED, NOT_ASSESSED, SUPERSEDED, NOT_RECORDED }

    public record Input(String captureId, State state, String supersededBy) {}

    public static List<Input> of(PlatformState s, Capture derived) {
        List<Input> out = new ArrayList<>();
        if (derived == null) return out;
        for (String id : derived.recorded().inputs()) out.add(of(s, id));
        return out;
    }

    static Input of(PlatformState s, String id) {
        Capture in = s.capture(id);
        if (in == null) return new Input(id, State.NOT_RECORDED, null);
        if (in.isSuperseded()) return new Input(id, State.SUPERSEDED, in.supersededBy());
        Readiness r = s.readiness().get(in.partition());
        if (r == null || !id.equals(r.last().captureId())) return new Input(id, State.NOT_ASSESSED, null);
        return new Input(id, switch (r.status()) {
            case CERTIFIED -> State.CERTIFIED;
            case PRELIMINARY -> State.PRELIMINARY;
            case BLOCKED -> State.BLOCKED;
            case MISSING -> State.NOT_ASSESSED;
        }, null);
    }

    /**
     * The worst state among a derived capture's inputs, revisions aside (a superseded input makes
     * it STALE, which the grid says on its own): BLOCKED before PRELIMINARY before NOT ASSESSED /
     * NOT RECORDED; CERTIFIED when every other input is. No capture or no inputs recorded: NOT
     * RECORDED (nothing shows the data it was made from).
     */
    public static State worst(PlatformState s, Capture derived) {
        if (derived == null || derived.recorded().inputs().isEmpty()) return State.NOT_RECORDED;
        State worst = State.CERTIFIED;
        for (String id : derived.recorded().inputs()) {
            State st = of(s, id).state();
            if (st != State.SUPERSEDED && rank(st) > rank(worst)) worst = st;
        }
        return worst;
    }

    private static int rank(State st) {
        return switch (st) {
            case CERTIFIED, SUPERSEDED -> 0;
            case NOT_ASSESSED, NOT_RECORDED -> 1;
            case PRELIMINARY -> 2;
            case BLOCKED -> 3;
        };
    }

    public static boolean allCertified(List<Input> inputs) {
        return !inputs.isEmpty() && inputs.stream().allMatch(i -> i.state() == State.CERTIFIED);
    }

    /** "6 of 6 CERTIFIED", or "5 CERTIFIED · 1 SUPERSEDED": the same words the list of inputs shows. */
    public static String summary(List<Input> inputs) {
        if (inputs.isEmpty()) return "no inputs recorded";
        Map<State, Integer> n = new EnumMap<>(State.class);
        for (Input i : inputs) n.merge(i.state(), 1, Integer::sum);
        if (n.size() == 1) return inputs.size() + " of " + inputs.size() + " " + words(inputs.get(0).state());
        StringBuilder b = new StringBuilder();
        for (var e : n.entrySet()) b.append(b.isEmpty() ? "" : " · ").append(e.getValue()).append(' ').append(words(e.getKey()));
        return b.toString();
    }

    public static String words(State s) {
        return s.name().replace('_', ' ');
    }
}
