package org.marketspine.console.feed.source;

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
}
