package org.marketspine.console.model;

import java.util.AbstractList;
import java.util.List;
import org.pcollections.PVector;

/** A persistent vector's reads over a list, in place: what {@link InPlaceVector} and its settled form share. */
abstract class VectorOverList<E> extends AbstractList<E> implements PVector<E> {
    final List<E> list;

    VectorOverList(List<E> list) {
        this.list = list;
    }

    @Override
    public E get(int index) {
        return list.get(index);
    }

    @Override
    public int size() {
        return list.size();
    }

    /** A persistent vector's sub-list is a persistent vector (AbstractList's is a view). */
    @Override
    public abstract PVector<E> subList(int from, int to);
}
