package org.marketspine.console.model;

/** Traffic-light health, ordered from best to worst. */
public enum HealthLevel {
    GREEN, YELLOW, RED;

    public HealthLevel worst(HealthLevel other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
