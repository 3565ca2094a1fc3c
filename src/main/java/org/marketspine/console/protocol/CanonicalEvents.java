package org.marketspine.console.protocol;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The quick way in for an event item in canonical JSON (RFC 8785: no spaces, keys sorted) — every
 * item our feed journals, sends and bundles. Jackson's data binding was most of a client's replay
 * and of a bundle's verification (tokenizer, property lookup and a reflective record creation per
 * event, and a large amount of code for a fresh JVM to compile); this reads the text straight into
 * the records, with the wire names, enum values and record shapes taken from that same Jackson
 * configuration ({@link RecordShape}), so the two cannot disagree on a name.
 *
 * <p>It only accepts what the general path reads to the same value: a text it does not recognise
 * exactly — other key order, an unknown or repeated field, a float, a missing number, a value a
 * record refuses, an unknown kind — gives null, and {@link Codec#decodeEvent} reads it the general
 * way (which also words the error). {@code CanonicalEventsTest} decodes every kind both ways.
 */
final class CanonicalEvents {
    private static final Map<Class<?>, RecordShape> SHAPES = shapes();

    private CanonicalEvents() {}

    private static Map<Class<?>, RecordShape> shapes() {
        Map<Class<?>, RecordShape> m = new HashMap<>();
        for (String kind : EventKind.names()) {
            Class<? extends EventData> type = EventKind.classOf(kind);
            m.put(type, RecordShape.of(type, Codec.mapper()));
        }
        return Map.copyOf(m);
    }

    /** The event, or null when the text is not one this reader takes (the caller then decodes it the general way). */
    static Event read(String text) {
        String kind = Codec.canonicalKind(text);
        if (kind == null) return null;
        RecordShape shape = SHAPES.get(EventKind.classOf(kind));
        if (shape == null || !shape.readable()) return null;
        JsonText t = new JsonText(text, 0);
        if (!t.eat("{\"at\":")) return null;
        String atText = t.string();
        Instant at = atText == null ? null : JsonText.instant(atText);
        if (at == null || !t.eat(",\"data\":")) return null;
        Object data = shape.read(t);
        if (data == null || !t.eat(",\"kind\":\"") || !t.eat(kind) || !t.eat("\",\"seq\":")) return null;
        long seq = t.integer();
        if (seq < 1 || !t.eat("}") || !t.atEnd()) return null;
        try {
            return new Event(seq, at, kind, (EventData) data);
        } catch (IllegalArgumentException e) {
            return null; // the general path refuses it, in its own words
        }
    }
}
