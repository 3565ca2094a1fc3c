package org.marketspine.console.feed.source;

import java.util.List;
import java.util.function.Consumer;
import org.marketspine.console.protocol.EventData;
import org.marketspine.console.protocol.Stage;

/** The demo's datasets and pipelines, as a Market Spine deployment for FINRA OTC data names them. */
final class DemoCatalog {
    private DemoCatalog() {}

    static final String DOMAIN = "finra.otc_transparency";
    static final String RAW = "finra.otc_transparency.raw";
    static final String NORMALIZED = "finra.otc_transparency.normalized";
    static final String AVG_6W = "analytics.volume_avg_6w";
    static final String WOW = "analytics.volume_wow_change";
    static final String CALENDAR = "reference.exchange_calendar";

    static final String INGEST = "finra.otc_transparency.ingest_week";
    static final String NORMALIZE = "finra.otc_transparency.normalize_week";
    static final String COMPUTE_AVG = "analytics.volume_avg_6w.compute";
    static final String COMPUTE_WOW = "analytics.volume_wow_change.compute";
    static final String CALENDAR_INGEST = "reference.exchange_calendar.ingest_year";

    static final String SCHEDULER = "system:scheduler";
    static final String RETRY_POLICY = "system:retry-policy";
    static final String AUTO_CERTIFY = "system:auto-certify";
    static final String QUALITY_GATE = "system:quality-gate";
    static final String RETENTION = "system:retention";
    static final String OPERATOR = "j.ortiz";
    static final String DATA_STEWARD = "maria.chen";

    /** Rows per symbol in a weekly file: one per market participant (MPID) trading it. */
    static final int ROWS_PER_SYMBOL = 7;
    static final int BYTES_PER_ROW = 96;
    static final int RAW_RETENTION_DAYS = 180;

    /** What the platform declares before its first run: the pipelines with their schedules, and the data sources with their terms. */
    static void declare(Consumer<EventData> emit) {
        var daily = new EventData.Schedule("0 14 * * MON", "UTC", 6);
        emit.accept(new EventData.PipelineDeclared(INGEST, DOMAIN, Stage.INGEST,
                List.of("finra.otc_transparency.source"), List.of(RAW), daily));
        emit.accept(new EventData.PipelineDeclared(NORMALIZE, DOMAIN, Stage.NORMALIZE,
                List.of(RAW, CALENDAR), List.of(NORMALIZED), null));
        emit.accept(new EventData.PipelineDeclared(COMPUTE_AVG, "analytics.volume", Stage.COMPUTE,
                List.of(NORMALIZED), List.of(AVG_6W), null));
        emit.accept(new EventData.PipelineDeclared(COMPUTE_WOW, "analytics.volume", Stage.COMPUTE,
                List.of(NORMALIZED), List.of(WOW), null));
        emit.accept(new EventData.PipelineDeclared(CALENDAR_INGEST, "reference", Stage.INGEST,
                List.of("xnys.holidays"), List.of(CALENDAR), new EventData.Schedule("0 6 2 1 *", "UTC", 24)));
        emit.accept(new EventData.SourceDeclared(RAW, "FINRA", "FINRA OTC Transparency Data — internal use; no redistribution",
                List.of("internal-research", "regulatory-reporting"), RAW_RETENTION_DAYS));
        emit.accept(new EventData.SourceDeclared(NORMALIZED, "FINRA (derived)", "FINRA OTC Transparency Data — internal use; no redistribution",
                List.of("internal-research", "regulatory-reporting", "model-training"), 1825));
        emit.accept(new EventData.SourceDeclared(CALENDAR, "XNYS exchange calendar", "Apache-2.0",
                List.of("any"), 3650));
    }
}
