package org.marketspine.console.model;

/**
 * A failed execution as the operator triages it. {@code critical}: systemic or recurring and
 * still unresolved — it stays pinned until acknowledged. {@code resolved}: the same pipeline and
 * params has succeeded since.
 */
public record FailureItem(Execution execution, Recurrence recurrence, boolean critical, boolean resolved,
                          boolean pinned) {}
