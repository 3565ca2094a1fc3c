package org.marketspine.console.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How one event-data record reads from canonical JSON, for {@link CanonicalEvents}: its fields by
 * wire name in canonical (sorted) order, each with the kind of value it takes, and its canonical
 * constructor — which still checks every value, as it does for Jackson. The wire names and enum
 * values are asked of the codec's own mapper. A record with a component this reader does not know
 * how to take is not {@link #readable()}: its events always go the general way.
 */
final class RecordShape {
    /** "This text is not one we take": distinct from a JSON null, which is a value. */
    private static final Object NO = new Object();

    private enum Value { STRING, LONG, INT, BOOLEAN, DATE, INSTANT, ENUM, STRINGS, PARAMS, RECORD }

    private record Field(String key, int index, Value value, boolean primitive, Map<String, Object> enumValues, RecordShape nested) {}

    private final Constructor<?> constructor;
    private final Field[] fields;
    private final int arity;
    private final long requiredMask;

    private RecordShape(Constructor<?> constructor, Field[] fields, int arity) {
        this.constructor = constructor;
        this.fields = fields;
        this.arity = arity;
        long mask = 0;
        if (fields != null) {
            for (int k = 0; k < fields.length; k++) if (fields[k].primitive()) mask |= 1L << k;
        }
        this.requiredMask = mask;
    }

    boolean readable() {
        return fields != null;
    }

    static RecordShape of(Class<?> type, ObjectMapper mapper) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || components.length > 63) return new RecordShape(null, null, 0);
        Map<String, String> wireNames = new HashMap<>();
        for (BeanPropertyDefinition p : mapper.getDeserializationConfig().introspect(mapper.constructType(type)).findProperties()) {
            wireNames.put(p.getInternalName(), p.getName());
        }
        List<Field> fields = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        for (int k = 0; k < components.length; k++) {
            RecordComponent c = components[k];
            types[k] = c.getType();
            String wire = wireNames.get(c.getName());
            Field f = wire == null ? null : field(wire, k, c.getType(), c.getGenericType(), mapper);
            if (f == null) return new RecordShape(null, null, 0);
            fields.add(f);
        }
        fields.sort(Comparator.comparing(Field::key)); // canonical JSON's key order: UTF-16 code units, as String.compareTo
        try {
            return new RecordShape(type.getDeclaredConstructor(types), fields.toArray(Field[]::new), components.length);
        } catch (NoSuchMethodException e) {
            return new RecordShape(null, null, 0);
        }
    }

    private static Field field(String wire, int index, Class<?> raw, Type generic, ObjectMapper mapper) {
        String key = "\"" + wire + "\":";
        if (raw == String.class) return new Field(key, index, Value.STRING, false, null, null);
        if (raw == long.class || raw == Long.class) return new Field(key, index, Value.LONG, raw.isPrimitive(), null, null);
        if (raw == int.class || raw == Integer.class) return new Field(key, index, Value.INT, raw.isPrimitive(), null, null);
        if (raw == boolean.class || raw == Boolean.class) return new Field(key, index, Value.BOOLEAN, raw.isPrimitive(), null, null);
        if (raw == LocalDate.class) return new Field(key, index, Value.DATE, false, null, null);
        if (raw == Instant.class) return new Field(key, index, Value.INSTANT, false, null, null);
        if (raw.isEnum()) {
            Map<String, Object> values = enumValues(raw, mapper);
            return values == null ? null : new Field(key, index, Value.ENUM, false, values, null);
        }
        if (raw == List.class && typeArgument(generic, 0) == String.class) return new Field(key, index, Value.STRINGS, false, null, null);
        if (raw == Map.class && typeArgument(generic, 0) == String.class && typeArgument(generic, 1) == Object.class) {
            return new Field(key, index, Value.PARAMS, false, null, null);
        }
        if (raw.isRecord()) {
            RecordShape nested = of(raw, mapper);
            return nested.readable() ? new Field(key, index, Value.RECORD, false, null, nested) : null;
        }
        return null;
    }

    private static Type typeArgument(Type generic, int k) {
        return generic instanceof ParameterizedType p && p.getActualTypeArguments().length > k ? p.getActualTypeArguments()[k] : null;
    }

    /** Each constant by the text the mapper writes for it (what it reads back); null if one is not a plain string. */
    private static Map<String, Object> enumValues(Class<?> type, ObjectMapper mapper) {
        Map<String, Object> values = new HashMap<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                String json = mapper.writeValueAsString(constant);
                if (json.length() < 2 || json.charAt(0) != '"' || json.indexOf('\\') >= 0) return null;
                values.put(json.substring(1, json.length() - 1), constant);
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return Map.copyOf(values);
    }

    /** The record at the cursor, or null when the text is not one this reader takes. */
    Object read(JsonText t) {
        if (!t.eat('{')) return null;
        Object[] args = new Object[arity];
        long seen = 0;
        int next = 0;
        if (!t.eat('}')) {
            do {
                int k = next;
                while (k < fields.length && !t.eat(fields[k].key())) k++;
                if (k == fields.length) return null; // unknown, repeated or out-of-order field, or an escaped key
                Field f = fields[k];
                Object v = value(t, f);
                if (v == NO) return null;
                args[f.index()] = v;
                seen |= 1L << k;
                next = k + 1;
            } while (t.eat(','));
            if (!t.eat('}')) return null;
        }
        if ((seen & requiredMask) != requiredMask) return null; // a number left out: the general path decides
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException | IllegalArgumentException e) {
            return null; // refused by the record (or a null for a number): the general path words why
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getSimpleName(), e);
        }
    }

    private static Object value(JsonText t, Field f) {
        if (t.eat("null")) return f.primitive() ? NO : null;
        switch (f.value()) {
            case STRING -> {
                String s = t.string();
                return s == null ? NO : s;
            }
            case LONG -> {
                long v = t.integer();
                return v == JsonText.NO_NUMBER ? NO : v;
            }
            case INT -> {
                long v = t.integer();
                return v == JsonText.NO_NUMBER || v != (int) v ? NO : (int) v;
            }
            case BOOLEAN -> {
                if (t.eat("true")) return Boolean.TRUE;
                return t.eat("false") ? Boolean.FALSE : NO;
            }
            case DATE -> {
                String s = t.string();
                Object d = s == null ? null : JsonText.sharedDate(s);
                return d == null ? NO : d;
            }
            case INSTANT -> {
                String s = t.string();
                Object d = s == null ? null : JsonText.instant(s);
                return d == null ? NO : d;
            }
            case ENUM -> {
                String s = t.string();
                Object e = s == null ? null : f.enumValues().get(s);
                return e == null ? NO : e;
            }
            case STRINGS -> {
                return strings(t);
            }
            case PARAMS -> {
                return params(t);
            }
            case RECORD -> {
                Object r = f.nested().read(t);
                return r == null ? NO : r;
            }
        }
        return NO;
    }

    private static Object strings(JsonText t) {
        if (!t.eat('[')) return NO;
        List<String> out = new ArrayList<>();
        if (t.eat(']')) return out;
        do {
            String s = t.string();
            if (s == null) return NO; // a null entry or another type: the general path words it
            out.add(s);
        } while (t.eat(','));
        return t.eat(']') ? out : NO;
    }

    /** Params as Jackson reads an untyped map: strings, Integer or Long, booleans, nulls; anything nested goes the general way. */
    private static Object params(JsonText t) {
        if (!t.eat('{')) return NO;
        ParamsMap.Builder out = new ParamsMap.Builder();
        if (t.eat('}')) return out.build();
        do {
            String key = t.string();
            if (key == null || !t.eat(':')) return NO;
            Object v;
            if (t.at('"')) {
                v = t.string();
                if (v == null) return NO;
            } else if (t.eat("true")) {
                v = Boolean.TRUE;
            } else if (t.eat("false")) {
                v = Boolean.FALSE;
            } else if (t.eat("null")) {
                v = null;
            } else {
                long n = t.integer();
                if (n == JsonText.NO_NUMBER) return NO;
                v = n == (int) n ? (Object) (int) n : (Object) n;
            }
            if (!out.add(key, v)) return NO; // a key twice: the general path decides
        } while (t.eat(','));
        return t.eat('}') ? out.build() : NO;
    }
}
