package org.marketspine.console.model;

import java.util.Map;
import java.util.TreeMap;

/** An execution's or a command's params in key order, as every text made of them lists them. */
public final class Params {
    private Params() {}

    /**
     * The params in ascending key order: the map itself when it already iterates so (a decoded event's
     * params do: canonical JSON sorts its keys), otherwise a sorted copy — reading a million events, a
     * copy per execution was a good part of the work.
     */
    public static <V> Map<String, V> sorted(Map<String, V> params) {
        String previous = null;
        for (String key : params.keySet()) {
            if (previous != null && previous.compareTo(key) >= 0) return new TreeMap<>(params);
            previous = key;
        }
        return params;
    }
}
