package org.marketspine.console.ui.lineage;

/** Where the lineage picture's layout is: what a snapshot (or a test) waits on, never the status text. */
public enum LayoutPhase {
    /** No graph yet: the feed has not delivered one. */
    WAITING,
    /** ELK is laying the graph out on its own thread. */
    LAYING_OUT,
    /** The layout is shown (or the scope has no captures: nothing to lay out). */
    SHOWN,
    /** ELK failed; the status line says why. */
    FAILED;

    /** What the workspace shows will not change without new input: laid out, or failed for good. */
    public boolean isSettled() {
        return this == SHOWN || this == FAILED;
    }
}
