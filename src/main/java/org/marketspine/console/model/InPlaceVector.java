package org.marketspine.console.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.pcollections.PVector;
import org.pcollections.TreePVector;

/** A vector for {@link InPlaceFold}: {@code plus}/{@code with}/{@code minus} change it and return it. */
final class InPlaceVector<E> extends VectorOverList<E> {
    private boolean settled;

    InPlaceVector() {
        super(new ArrayList<>());
    }

    /** The same elements as a persistent vector. */
    PVector<E> persistent() {
        return TreePVector.from(list);
    }

    /** This vector, unchangeable from now on, as a persistent vector: read in place, copied only when someone adds to it. */
    PVector<E> settle() {
        settled = true;
        return new Settled<>(list);
    }

    private List<E> changing() {
        if (settled) throw new IllegalStateException("a settled fold does not change");
        return list;
    }

    @Override
    public InPlaceVector<E> plus(E e) {
        changing().add(e);
        return this;
    }

    @Override
    public InPlaceVector<E> plusAll(Collection<? extends E> more) {
        changing().addAll(more);
        return this;
    }

    @Override
    public InPlaceVector<E> with(int index, E e) {
        changing().set(index, e);
        return this;
    }

    @Override
    public InPlaceVector<E> plus(int index, E e) {
        changing().add(index, e);
        return this;
    }

    @Override
    public InPlaceVector<E> plusAll(int index, Collection<? extends E> more) {
        changing().addAll(index, more);
        return this;
    }

    @Override
    public InPlaceVector<E> minus(Object e) {
        changing().remove(e);
        return this;
    }

    @Override
    public InPlaceVector<E> minusAll(Collection<?> those) {
        for (Object e : those) changing().remove(e); // the first occurrence of each, as TreePVector.minusAll does
        return this;
    }

    @Override
    public InPlaceVector<E> minus(int index) {
        changing().remove(index);
        return this;
    }

    /** A persistent copy: a view would change under its holder. */
    @Override
    public PVector<E> subList(int from, int to) {
        return TreePVector.from(list.subList(from, to));
    }

    /** A settled vector: reads the list it was folded in, which no longer changes; a change makes a persistent copy. */
    private static final class Settled<E> extends VectorOverList<E> {
        private PVector<E> persistent;

        Settled(List<E> list) {
            super(list);
        }

        private synchronized PVector<E> persistent() {
            if (persistent == null) persistent = TreePVector.from(list);
            return persistent;
        }

        @Override
        public PVector<E> plus(E e) {
            return persistent().plus(e);
        }

        @Override
        public PVector<E> plusAll(Collection<? extends E> more) {
            return persistent().plusAll(more);
        }

        @Override
        public PVector<E> with(int index, E e) {
            return persistent().with(index, e);
        }

        @Override
        public PVector<E> plus(int index, E e) {
            return persistent().plus(index, e);
        }

        @Override
        public PVector<E> plusAll(int index, Collection<? extends E> more) {
            return persistent().plusAll(index, more);
        }

        @Override
        public PVector<E> minus(Object e) {
            return persistent().minus(e);
        }

        @Override
        public PVector<E> minusAll(Collection<?> those) {
            return persistent().minusAll(those);
        }

        @Override
        public PVector<E> minus(int index) {
            return persistent().minus(index);
        }

        @Override
        public PVector<E> subList(int from, int to) {
            return persistent().subList(from, to);
        }
    }
}
