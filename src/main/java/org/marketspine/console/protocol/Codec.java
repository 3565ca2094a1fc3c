package org.marketspine.console.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON codec of protocol v1. Thread-safe. Decoding refuses oversized, malformed and
 * ill-typed frames with a {@link DecodeException} that says which field and why.
 */
public final class Codec {

    private static final ObjectMapper MAPPER = buildMapper();
    private static final ObjectReader MESSAGE_READER = MAPPER.readerFor(Message.class);
    private static final ObjectReader EVENT_READER = MAPPER.readerFor(Event.class);
    private static final ObjectWriter MESSAGE_WRITER = MAPPER.writerFor(Message.class);
    private static final ObjectWriter EVENT_WRITER = MAPPER.writerFor(Event.class);
    /** Readers that know the kind ahead of {@code data}, one per kind seen (kinds are few; unknown ones are bounded below). */
    private static final Map<String, ObjectReader> HINTED = new ConcurrentHashMap<>();

    private Codec() {}

    private static ObjectMapper buildMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        // Strict types: "seq":"5" or "execution_id":5 are wrong, not something to guess at.
        for (LogicalType t : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(t).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        return mapper;
    }

    /** The shared mapper, configured for the wire format (snake_case, ISO times). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Message decode(String frame) throws DecodeException {
        checkSize(frame);
        try {
            return MESSAGE_READER.readValue(frame);
        } catch (JsonProcessingException e) {
            throw new DecodeException("bad_message", reason(e));
        } catch (RuntimeException e) {
            // Jackson reports most problems as JsonProcessingException; anything else is still the frame's fault.
            throw new DecodeException("bad_message", "unreadable frame: " + e.getMessage());
        }
    }

    /** A decoded frame and, for an {@code events} frame, each item's canonical JSON as it arrived (what the feed chained). */
    public record Decoded(Message message, List<String> canonicalItems) {}

    /**
     * Decodes a frame through its JSON tree, so that an {@code events} frame's items can be written
     * canonically exactly as they came — unknown fields included — for the client's own chain.
     */
    public static Decoded decodeWithItems(String frame) throws DecodeException {
        checkSize(frame);
        // Our server's shape with canonical items (one scan): each item decoded on its own (the kind read ahead) and
        // hashed as it stands. The same shape with other items: each made canonical through a parse.
        List<String> canonicalSpans = CanonicalScan.canonicalItems(frame);
        List<String> spans = canonicalSpans != null ? canonicalSpans : CanonicalScan.items(frame);
        if (spans != null) {
            ArrayList<Event> events = new ArrayList<>(spans.size());
            String[] canonical = new String[spans.size()];
            try {
                for (int i = 0; i < canonical.length; i++) {
                    String span = spans.get(i);
                    events.add(decodeEvent(span));
                    canonical[i] = canonicalSpans != null ? span : Canonical.of(span);
                }
            } catch (RuntimeException e) {
                throw new DecodeException("bad_message", "unreadable events frame: " + e.getMessage());
            }
            return new Decoded(new Message.Events(events), List.of(canonical));
        }
        try {
            JsonNode tree = MAPPER.readTree(frame);
            if (tree == null || !tree.isObject()) throw new DecodeException("bad_message", "a frame must be a JSON object");
            Message message = MESSAGE_READER.readValue(tree);
            List<String> canonical = List.of();
            if (message instanceof Message.Events) {
                JsonNode items = tree.get("items");
                String[] texts = new String[items.size()];
                for (int i = 0; i < texts.length; i++) texts[i] = Canonical.of(items.get(i));
                canonical = List.of(texts);
            }
            return new Decoded(message, canonical);
        } catch (JsonProcessingException e) {
            throw new DecodeException("bad_message", reason(e));
        } catch (IOException e) {
            throw new DecodeException("bad_message", "unreadable frame: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new DecodeException("bad_message", "unreadable frame: " + e.getMessage());
        }
    }

    /** Decodes one journal/bundle line holding a single event item. */
    public static Event decodeEvent(String item) throws DecodeException {
        checkSize(item);
        Event quick = CanonicalEvents.read(item);
        return quick != null ? quick : decodeGeneral(item);
    }

    /** Through Jackson: any shape, and the words for what is wrong. */
    static Event decodeGeneral(String item) throws DecodeException {
        try {
            String kind = canonicalKind(item);
            return (kind == null ? EVENT_READER : HINTED.computeIfAbsent(kind, k -> EVENT_READER.withAttribute(EventDeserializer.KIND_HINT, k)))
                    .readValue(item);
        } catch (JsonProcessingException e) {
            throw new DecodeException("bad_message", reason(e));
        } catch (RuntimeException e) {
            throw new DecodeException("bad_message", "unreadable event: " + e.getMessage());
        }
    }

    /**
     * The kind of a canonical event text ({@code {"at":…,"data":{…},"kind":"K","seq":N}}), read from
     * its end so that {@code data} need not be buffered; null when the text does not end that way.
     */
    static String canonicalKind(String item) {
        if (!item.startsWith("{\"at\":")) return null;
        int seq = item.lastIndexOf(",\"seq\":");
        if (seq < 0) return null;
        int kind = item.lastIndexOf(",\"kind\":\"", seq);
        if (kind < 0) return null;
        int from = kind + 9;
        if (seq - 1 <= from || item.charAt(seq - 1) != '"') return null;
        String k = item.substring(from, seq - 1);
        if (k.indexOf('"') >= 0 || k.indexOf('\\') >= 0) return null;
        // A hostile feed could invent endless kinds: only known ones get a cached reader.
        return EventKind.classOf(k) == null ? null : k;
    }

    public static String encode(Message message) {
        try {
            return MESSAGE_WRITER.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + message.getClass().getSimpleName(), e);
        }
    }

    public static String encodeEvent(Event event) {
        try {
            return EVENT_WRITER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode event " + event.seq(), e);
        }
    }

    /** An {@code events} frame built from already-encoded items, so the server never re-encodes. */
    public static String eventsFrame(List<String> encodedItems) {
        int size = 32;
        for (String item : encodedItems) size += item.length() + 1;
        StringBuilder out = new StringBuilder(size).append("{\"type\":\"events\",\"items\":[");
        for (int i = 0; i < encodedItems.size(); i++) {
            if (i > 0) out.append(',');
            out.append(encodedItems.get(i));
        }
        return out.append("]}").toString();
    }

    public static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    public static <T> T fromTree(JsonNode node, Class<T> type) throws DecodeException {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new DecodeException("bad_message", reason(e));
        } catch (IllegalArgumentException e) {
            throw new DecodeException("bad_message", e.getMessage());
        }
    }

    private static void checkSize(String frame) throws DecodeException {
        if (frame == null) throw new DecodeException("bad_message", "empty frame");
        // UTF-8 takes at most 3 bytes per UTF-16 unit; count exactly only near the limit.
        if ((long) frame.length() * 3 > Wire.MAX_FRAME_BYTES) {
            int bytes = frame.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > Wire.MAX_FRAME_BYTES) {
                throw new DecodeException("too_large", "frame of " + bytes + " bytes exceeds the limit of "
                        + Wire.MAX_FRAME_BYTES + " bytes");
            }
        }
    }

    /** A reason naming the field path, e.g. {@code items[3].data.rows: expected an integer}. */
    static String reason(JsonProcessingException e) {
        if (e instanceof InvalidTypeIdException t) {
            return t.getTypeId() == null ? "missing field 'type'" : "unknown message type '" + t.getTypeId() + "'";
        }
        String detail = rootMessage(e);
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return path(m) + ": " + detail;
        }
        if (e.getLocation() != null && !(e instanceof JsonMappingException)) {
            return "not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + detail;
        }
        return detail;
    }

    private static String rootMessage(JsonProcessingException e) {
        Throwable cause = e.getCause();
        while (cause != null && cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
        String raw = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
        if (raw == null) return e.getClass().getSimpleName();
        int cut = raw.indexOf('\n');
        raw = cut > 0 ? raw.substring(0, cut) : raw;
        return raw.length() > 300 ? raw.substring(0, 300) + "…" : raw;
    }

    private static String path(JsonMappingException m) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : m.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
