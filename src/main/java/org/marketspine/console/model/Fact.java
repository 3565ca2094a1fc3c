package org.marketspine.console.model;

import java.time.Instant;
import org.marketspine.console.protocol.EventData;

/** An event's data with the seq and time it entered the journal, for facts kept as history. */
public record Fact<T extends EventData>(long seq, Instant at, T data) {}
