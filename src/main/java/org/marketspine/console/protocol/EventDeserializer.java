package org.marketspine.console.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads an event whose {@code data} type depends on its sibling {@code kind}. Our server writes
 * {@code kind} before {@code data}, which takes the streaming path. Canonical JSON (sorted keys)
 * puts {@code data} first: {@link Codec#decodeEvent} then reads the kind from the text's end and
 * passes it as the {@value #KIND_HINT} attribute, checked against the real field. Any other order
 * is buffered.
 */
final class EventDeserializer extends StdDeserializer<Event> {

    /** Looked up once per kind: resolving a type per event costs more than reading it. */
    private static final Map<Class<?>, JsonDeserializer<Object>> CACHE = new ConcurrentHashMap<>();

    /** A reader attribute: the kind the caller read from the text ahead of {@code data}. */
    static final String KIND_HINT = "spine.kind-hint";

    EventDeserializer() {
        super(Event.class);
    }

    @Override
    public Event deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return (Event) ctxt.handleUnexpectedToken(Event.class, p);
        }
        Long seq = null;
        Instant at = null;
        String kind = null;
        EventData data = null;
        TokenBuffer early = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (field) {
                case "seq" -> {
                    if (token != JsonToken.VALUE_NUMBER_INT) ctxt.reportInputMismatch(this, "field 'seq' must be an integer");
                    seq = p.getLongValue();
                }
                case "at" -> {
                    if (token != JsonToken.VALUE_STRING) ctxt.reportInputMismatch(this, "field 'at' must be an ISO 8601 string");
                    at = IsoInstant.parse(p.getText());
                    if (at == null) ctxt.reportInputMismatch(this, "field 'at' is not an ISO 8601 UTC time: " + p.getText());
                }
                case "kind" -> {
                    if (token != JsonToken.VALUE_STRING) ctxt.reportInputMismatch(this, "field 'kind' must be a string");
                    kind = p.getText();
                }
                case "data" -> {
                    if (token != JsonToken.START_OBJECT) ctxt.reportInputMismatch(this, "field 'data' must be an object");
                    Object hint = ctxt.getAttribute(KIND_HINT);
                    if (kind != null) {
                        data = readData(p, ctxt, kind);
                    } else if (hint instanceof String k) {
                        data = readData(p, ctxt, k);
                    } else {
                        early = ctxt.bufferAsCopyOfValue(p);
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (seq == null) ctxt.reportInputMismatch(this, "missing required field 'seq'");
        if (kind == null) ctxt.reportInputMismatch(this, "missing required field 'kind'");
        if (ctxt.getAttribute(KIND_HINT) instanceof String hint && data != null && !hint.equals(kind)) {
            ctxt.reportInputMismatch(this, "field 'kind' is '" + kind + "' but the text read as '" + hint + "'");
        }
        if (early != null) {
            try (JsonParser buffered = early.asParser(p.getCodec())) {
                buffered.nextToken();
                data = readData(buffered, ctxt, kind);
            }
        }
        if (data == null) ctxt.reportInputMismatch(this, "missing required field 'data'");
        try {
            return new Event(seq, at, kind, data);
        } catch (IllegalArgumentException e) {
            return (Event) ctxt.reportInputMismatch(this, e.getMessage());
        }
    }

    private static EventData readData(JsonParser p, DeserializationContext ctxt, String kind) throws IOException {
        Class<? extends EventData> type = EventKind.classOf(kind);
        try {
            if (type == null) return new EventData.Unknown(kind, ctxt.readValue(p, JsonNode.class));
            JsonDeserializer<Object> deserializer = CACHE.get(type);
            if (deserializer == null) {
                deserializer = ctxt.findRootValueDeserializer(ctxt.constructType(type));
                CACHE.put(type, deserializer);
            }
            return (EventData) deserializer.deserialize(p, ctxt);
        } catch (JsonMappingException e) {
            throw JsonMappingException.wrapWithPath(e, Event.class, "data");
        }
    }
}
