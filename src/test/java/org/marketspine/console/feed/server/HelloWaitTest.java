package org.marketspine.console.feed.server;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** A hello and the end of its wait decide once, whichever comes first. */
class HelloWaitTest {
    @Test
    void aHelloThatArrivedFirstIsNeverCutOffByTheTimer() {
        HelloWait wait = new HelloWait();
        assertTrue(wait.arrived());
        assertFalse(wait.tooLate(), "the timer leaves a greeting in progress alone");
        assertTrue(wait.arrived(), "and a second hello on it is still the same connection's (answered 'already greeted')");
    }

    @Test
    void aHelloAfterTheTimerIsNotGreeted() {
        HelloWait wait = new HelloWait();
        assertTrue(wait.tooLate());
        assertFalse(wait.arrived(), "the connection is being closed: its late hello is not answered");
        assertFalse(wait.tooLate(), "closed once");
    }
}
