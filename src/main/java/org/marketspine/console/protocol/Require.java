package org.marketspine.console.protocol;

import java.util.List;
import java.util.Map;

/** Validation used by record constructors, so a malformed frame fails with the field's wire name. */
public final class Require {
    private Require() {}

    public static <T> T present(T value, String wireName) {
        if (value == null) throw new IllegalArgumentException("missing required field '" + wireName + "'");
        return value;
    }

    public static String text(String value, String wireName) {
        present(value, wireName);
        if (value.isBlank()) throw new IllegalArgumentException("field '" + wireName + "' must not be blank");
        return value;
    }

    public static long nonNegative(long value, String wireName) {
        if (value < 0) throw new IllegalArgumentException("field '" + wireName + "' must be >= 0, was " + value);
        return value;
    }

    public static <T> List<T> list(List<T> value, String wireName) {
        present(value, wireName);
        for (T item : value) {
            if (item == null) throw new IllegalArgumentException("field '" + wireName + "' holds a null entry");
        }
        return List.copyOf(value);
    }

    /** Null-tolerant immutable list, for optional list fields. */
    public static <T> List<T> optionalList(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    /** Params keep their JSON value types (numbers stay numbers) and their order. */
    public static Map<String, Object> paramsCopy(Map<String, Object> value) {
        return value == null ? ParamsMap.EMPTY : ParamsMap.copyOf(value);
    }
}
