package org.marketspine.console.protocol;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An execution's params, immutable, in the order they came (null values allowed, as in the JSON):
 * two arrays instead of an unmodifiable {@code LinkedHashMap}. A folded million-event log holds
 * one per execution; the linked map and the views it caches were eight objects each, a quarter of
 * everything a verifier kept and copied at every collection. Params are a handful of keys, so a
 * lookup scans (and an item with more than {@link #MAX_KEYS} keys keeps a linked map).
 */
final class ParamsMap extends AbstractMap<String, Object> {
    static final ParamsMap EMPTY = new ParamsMap(new String[0], new Object[0]);
    /**
     * The most keys kept this way: a lookup and the decoder's duplicate check scan, so a hostile
     * item with thousands of keys would cost their square; more keys go into a linked map.
     */
    static final int MAX_KEYS = 32;

    private final String[] keys;
    private final Object[] values;

    private ParamsMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** The same entries in the same order, immutable; {@code map} itself when it is one already. */
    static Map<String, Object> copyOf(Map<String, ?> map) {
        if (map instanceof ParamsMap p) return p;
        if (map.isEmpty()) return EMPTY;
        if (map.size() > MAX_KEYS) return Collections.unmodifiableMap(new LinkedHashMap<>(map));
        String[] k = new String[map.size()];
        Object[] v = new Object[k.length];
        int i = 0;
        for (Map.Entry<String, ?> e : map.entrySet()) {
            if (e.getKey() == null) throw new IllegalArgumentException("a param without a name");
            k[i] = e.getKey();
            v[i++] = e.getValue();
        }
        return new ParamsMap(k, v);
    }

    /** Builds one entry by entry, as a decoder reads them; refuses a key it already has (no silent "last one wins"). */
    static final class Builder {
        private String[] keys = new String[4];
        private Object[] values = new Object[4];
        private int size;

        /** False for a key it already has, or one key too many (then the general path reads the item). */
        boolean add(String key, Object value) {
            if (size == MAX_KEYS) return false;
            for (int i = 0; i < size; i++) if (keys[i].equals(key)) return false;
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
            return true;
        }

        ParamsMap build() {
            return size == 0 ? EMPTY : new ParamsMap(Arrays.copyOf(keys, size), Arrays.copyOf(values, size));
        }
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) if (keys[i].equals(key)) return i;
        return -1;
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : values[i];
    }

    // Immutable like the unmodifiable map it replaces: every change is refused, also one that would change nothing.
    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public void replaceAll(BiFunction<? super String, ? super Object, ?> f) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Object putIfAbsent(String key, Object value) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public boolean remove(Object key, Object value) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public boolean replace(String key, Object oldValue, Object newValue) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Object replace(String key, Object value) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Object computeIfAbsent(String key, Function<? super String, ?> f) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Object computeIfPresent(String key, BiFunction<? super String, ? super Object, ?> f) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Object compute(String key, BiFunction<? super String, ? super Object, ?> f) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Object merge(String key, Object value, BiFunction<? super Object, ? super Object, ?> f) {
        throw new UnsupportedOperationException("params are immutable");
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    public Map.Entry<String, Object> next() {
                        if (next >= keys.length) throw new NoSuchElementException();
                        int i = next++;
                        return new SimpleImmutableEntry<>(keys[i], values[i]);
                    }
                };
            }
        };
    }
}
