package org.marketspine.console.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The mapping between wire kind names and {@link EventData} records. */
public final class EventKind {
    private EventKind() {}

    private static final Map<String, Class<? extends EventData>> BY_NAME = Map.ofEntries(
            Map.entry("pipeline.declared", EventData.PipelineDeclared.class),
            Map.entry("execution.queued", EventData.ExecutionQueued.class),
            Map.entry("execution.started", EventData.ExecutionStarted.class),
            Map.entry("execution.completed", EventData.ExecutionCompleted.class),
            Map.entry("execution.failed", EventData.ExecutionFailed.class),
            Map.entry("execution.cancelled", EventData.ExecutionCancelled.class),
            Map.entry("capture.recorded", EventData.CaptureRecorded.class),
            Map.entry("readiness.changed", EventData.ReadinessChanged.class),
            Map.entry("anomaly.detected", EventData.AnomalyDetected.class),
            Map.entry("anomaly.acknowledged", EventData.AnomalyAcknowledged.class),
            Map.entry("anomaly.resolved", EventData.AnomalyResolved.class),
            Map.entry("schedule.missed", EventData.ScheduleMissed.class),
            Map.entry("source.declared", EventData.SourceDeclared.class),
            Map.entry("retention.purged", EventData.RetentionPurged.class),
            Map.entry("command.recorded", EventData.CommandRecorded.class));

    private static final Map<Class<?>, String> BY_CLASS = invert();

    private static Map<Class<?>, String> invert() {
        var m = new HashMap<Class<?>, String>();
        BY_NAME.forEach((name, cls) -> m.put(cls, name));
        return Map.copyOf(m);
    }

    /** The record class for a wire kind, or null when this client does not know the kind. */
    public static Class<? extends EventData> classOf(String kind) {
        return BY_NAME.get(kind);
    }

    static String of(Class<?> dataClass) {
        String name = BY_CLASS.get(dataClass);
        if (name == null) throw new IllegalStateException("no wire kind for " + dataClass.getName());
        return name;
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
