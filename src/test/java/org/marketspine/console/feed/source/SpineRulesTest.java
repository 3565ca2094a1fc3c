package org.marketspine.console.feed.source;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marketspine.console.protocol.Classification;
import org.marketspine.console.protocol.Trigger;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** The small rules the spine-core source decides by: names, partitions, times, and what a database error means. */
class SpineRulesTest {
    @Test
    void namesMatchHoweverSpineCoreSpellsThem() {
        assertEquals("finra.otc_transparency.ingest_week", SpineRows.workName("operation:finra.otc_transparency.ingest_week"));
        assertTrue(SpineRows.sameWork("ingest_week", "finra.otc_transparency.ingest_week"));
        assertTrue(SpineRows.sameWork("workflow:finra.otc_transparency.ingest_week", "finra.otc_transparency.ingest_week"));
        assertFalse(SpineRows.sameWork("normalize_week", "finra.otc_transparency.ingest_week"));
        assertFalse(SpineRows.sameWork("week", "finra.otc_transparency.ingest_week"), "a suffix match is on whole name parts");
    }

    /** Persona review: the sample's scheduler runs (triggered_by system:scheduler) were listed in the audit log as manual overrides. */
    @Test
    void thePlatformsOwnActorsAreScheduled_aPersonIsManual() {
        assertEquals(Trigger.SCHEDULED, SpineRuns.trigger("system:scheduler", null));
        assertEquals(Trigger.SCHEDULED, SpineRuns.trigger("parent_workflow", null));
        assertEquals(Trigger.SCHEDULED, SpineRuns.trigger("spine-core", null), "a workflow run that names nobody");
        assertEquals(Trigger.SCHEDULED, SpineRuns.trigger("schedule", "normal"));
        assertEquals(Trigger.RETRY, SpineRuns.trigger("retry", "normal"));
        assertEquals(Trigger.BACKFILL, SpineRuns.trigger("api", "backfill"));
        assertEquals(Trigger.MANUAL, SpineRuns.trigger("j.ortiz@example.com", null));
    }

    @Test
    void partitionsAreReadByMeaning_weekOnlyAndEmptyKeysToo() throws Exception {
        SpineRows.Partition spaced = SpineRows.partition(Map.of("k", "{\"tier\": \"OTC\", \"week_ending\": \"2026-10-16\"}"), "k");
        assertEquals(new SpineRows.Partition(LocalDate.of(2026, 10, 16), "OTC"), spaced);
        assertNull(SpineRows.partitionOrNull(Map.of("k", "{\"week_ending\": \"2026-10-16\"}"), "k").tier());
        assertNull(SpineRows.partitionOrNull(Collections.singletonMap("k", null), "k"));
        assertThrows(SpineRows.BadRow.class, () -> SpineRows.partition(Map.of("k", "{\"week_ending\": \"2026-10-16\"}"), "k"));
    }

    @Test
    void threeTimeSpellingsAreOneUtcInstant() throws Exception {
        Instant t = Instant.parse("2026-10-19T14:00:01Z");
        for (String spelled : new String[] {"2026-10-19T14:00:01+00:00", "2026-10-19T14:00:01", "2026-10-19 14:00:01"}) {
            assertEquals(t, SpineRows.time(Map.of("t", spelled), "t"), spelled);
        }
        assertEquals("2026-10-19T14:00:01.000000+00:00", SpineBind.isoformat(t));
        assertEquals(LocalDate.of(2026, 10, 16), SpineData.weekOf(Instant.parse("2026-10-20T09:00:00Z")), "the Friday on or before");
    }

    @Test
    void spineCoreErrorTypesCarryTheirRetryability() {
        assertEquals(Classification.TRANSIENT, SpineErrorTypes.of("RateLimitError"));
        assertEquals(Classification.TRANSIENT, SpineErrorTypes.of("requests.exceptions.ReadTimeout"));
        assertEquals(Classification.SYSTEMIC, SpineErrorTypes.of("SchemaError"));
        assertEquals(Classification.UNKNOWN, SpineErrorTypes.of("HTTPError"), "a 503 and a 404 are both HTTPError");
    }

    @Test
    void aBusyDatabaseIsTransient_aConstraintIsNot() {
        SQLException busy = new SQLiteException("[SQLITE_BUSY] The database file is locked", SQLiteErrorCode.SQLITE_BUSY);
        assertTrue(SpineErrors.isTransient(busy));
        assertTrue(SpineErrors.isLocked(busy));
        assertEquals("unavailable", SpineErrors.refusal(busy).code());
        SQLException unique = new SQLiteException("[SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed", SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);
        assertFalse(SpineErrors.isTransient(unique));
        assertEquals("database_refused", SpineErrors.refusal(unique).code());
        assertEquals("unavailable", SpineErrors.refusal(new SQLException("connection reset", "08006")).code());
        assertEquals("database_refused", SpineErrors.refusal(new SQLException("column \"is_ready\" is of type boolean", "42804")).code());
        assertFalse(SpineErrors.refusal(new SQLException("jdbc:postgresql://h/db?password=hunter2 refused", "08001")).getMessage().contains("hunter2"));
    }
}
