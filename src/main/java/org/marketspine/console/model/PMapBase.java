package org.marketspine.console.model;

import java.util.AbstractMap;
import java.util.Map;
import org.pcollections.PMap;

/** A {@link PMap} of this package: {@code java.util.Map}'s own mutators are refused, as every PMap's are ({@code plus}/{@code minus} instead). */
abstract class PMapBase<K, V> extends AbstractMap<K, V> implements PMap<K, V> {
    @Override
    @Deprecated
    public final V put(K key, V value) {
        throw new UnsupportedOperationException("use plus");
    }

    @Override
    @Deprecated
    public final V remove(Object key) {
        throw new UnsupportedOperationException("use minus");
    }

    @Override
    @Deprecated
    public final void putAll(Map<? extends K, ? extends V> m) {
        throw new UnsupportedOperationException("use plusAll");
    }

    @Override
    @Deprecated
    public final void clear() {
        throw new UnsupportedOperationException("use minusAll");
    }
}
