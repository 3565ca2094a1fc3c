package org.marketspine.console.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a spine-core database as each generation defines them (column names, order and
 * types written down from spine-core's DDL for 0.1.0 and 0.4.0, SQLite and PostgreSQL), so the
 * tests and benchmark P12 build what a real installation holds — not what our reader would like. Types: T text,
 * I integer, J JSON (text in SQLite, JSONB in PostgreSQL), B flag (INTEGER / BOOLEAN), S time
 * (ISO text / TIMESTAMP without zone), K auto-increment key, P text key.
 */
public final class SpineCoreDatabase {
    public enum Generation { V0_1, V0_4 }

    private static final Map<String, String> V0_1 = new LinkedHashMap<>();
    private static final Map<String, String> V0_4 = new LinkedHashMap<>();

    static {
        V0_1.put("core_executions", "id P, pipeline T, params T, lane T, trigger_source T, logical_key T, status T, created_at T, started_at T,"
                + " completed_at T, error T");
        V0_1.put("core_manifest", "domain T, partition_key T, stage T, stage_rank I, row_count I, metrics_json T, execution_id T, batch_id T,"
                + " updated_at T");
        V0_1.put("core_rejects", "domain T, partition_key T, stage T, reason_code T, reason_detail T, raw_json T, record_key T, source_locator T,"
                + " line_number I, execution_id T, batch_id T, created_at T");
        V0_1.put("core_quality", "domain T, partition_key T, check_name T, category T, status T, message T, actual_value T, expected_value T,"
                + " details_json T, execution_id T, batch_id T, created_at T");
        V0_1.put("core_anomalies", "id K, domain T, pipeline T, partition_key T, stage T, severity T, category T, message T, details_json T,"
                + " affected_records I, sample_records T, execution_id T, batch_id T, capture_id T, detected_at T, resolved_at T,"
                + " resolution_note T, created_at T");
        V0_1.put("core_work_items", "id K, domain T, pipeline T, partition_key T, params_json T, desired_at T, priority I, state T,"
                + " attempt_count I, max_attempts I, last_error T, last_error_at T, next_attempt_at T, current_execution_id T,"
                + " latest_execution_id T, locked_by T, locked_at T, created_at T, updated_at T, completed_at T, UNIQUE(domain, pipeline, partition_key)");
        V0_1.put("core_calc_dependencies", "id K, calc_domain T, calc_pipeline T, calc_table T, depends_on_domain T, depends_on_table T,"
                + " dependency_type T, description T, created_at T");
        V0_1.put("core_expected_schedules", "id K, domain T, pipeline T, schedule_type T, cron_expression T, partition_template T,"
                + " partition_values T, expected_delay_hours I, preliminary_hours I, description T, is_active I, created_at T, updated_at T");
        V0_1.put("core_data_readiness", "id K, domain T, partition_key T, is_ready I, ready_for T, all_partitions_present I,"
                + " all_stages_complete I, no_critical_anomalies I, dependencies_current I, age_exceeds_preliminary I, blocking_issues T,"
                + " certified_at T, certified_by T, created_at T, updated_at T, UNIQUE(domain, partition_key, ready_for)");

        V0_4.put("core_executions", "id P, workflow T, params J, lane T, trigger_source T, logical_key T, status T, parent_execution_id T,"
                + " created_at S, started_at S, completed_at S, result T, error T, retry_count I, idempotency_key T");
        V0_4.put("core_manifest", "domain T, partition_key T, stage T, stage_rank I, row_count I, metrics_json J, execution_id T, batch_id T,"
                + " updated_at S");
        V0_4.put("core_rejects", V0_1.get("core_rejects"));
        V0_4.put("core_quality", V0_1.get("core_quality"));
        V0_4.put("core_anomalies", "id K, domain T, workflow T, partition_key T, stage T, severity T, category T, message T, details_json J,"
                + " affected_records I, sample_records J, execution_id T, batch_id T, capture_id T, detected_at S, resolved_at S,"
                + " resolution_note T, created_at S");
        V0_4.put("core_work_items", "id K, domain T, workflow T, partition_key T, params_json J, desired_at S, priority I, state T,"
                + " attempt_count I, max_attempts I, last_error T, last_error_at S, next_attempt_at S, current_execution_id T,"
                + " latest_execution_id T, locked_by T, locked_at S, created_at S, updated_at S, completed_at S, UNIQUE(domain, workflow, partition_key)");
        V0_4.put("core_calc_dependencies", "id K, calc_domain T, calc_operation T, calc_table T, depends_on_domain T, depends_on_table T,"
                + " dependency_type T, description T, created_at S");
        V0_4.put("core_expected_schedules", "id K, domain T, workflow T, schedule_type T, cron_expression T, partition_template T,"
                + " partition_values T, expected_delay_hours I, preliminary_hours I, description T, is_active B, created_at S, updated_at S");
        V0_4.put("core_data_readiness", "id K, domain T, partition_key T, is_ready B, ready_for T, all_partitions_present B,"
                + " all_stages_complete B, no_critical_anomalies B, dependencies_current B, age_exceeds_preliminary B, blocking_issues J,"
                + " certified_at S, certified_by T, created_at S, updated_at S, UNIQUE(domain, partition_key, ready_for)");
        V0_4.put("core_execution_events", "id P, execution_id T, event_type T, timestamp S, data J");
        V0_4.put("core_dead_letters", "id P, execution_id T, workflow T, params J, error T, retry_count I, max_retries I, created_at S,"
                + " last_retry_at S, resolved_at S, resolved_by T");
        V0_4.put("core_concurrency_locks", "lock_key P, execution_id T, acquired_at S, expires_at S");
        V0_4.put("core_execution_logs", "id K, run_id T, step_name T, level T, message T, logger T, timestamp T, line_number I, created_at T");
        V0_4.put("core_schedules", "id P, name T, target_type T, target_name T, params J, schedule_type T, cron_expression T,"
                + " interval_seconds I, run_at T, timezone T, enabled B, max_instances I, misfire_grace_seconds I, last_run_at S, next_run_at S,"
                + " last_run_status T, created_at S, updated_at S, created_by T, version I");
        V0_4.put("core_schedule_runs", "id P, schedule_id T, schedule_name T, scheduled_at S, started_at S, completed_at S, status T, run_id T,"
                + " execution_id T, error T, skip_reason T, created_at S");
        V0_4.put("core_source_fetches", "id P, source_id T, source_name T, source_type T, source_locator T, status T, record_count I,"
                + " byte_count I, content_hash T, etag T, last_modified T, started_at S, completed_at S, duration_ms I, error T, error_category T,"
                + " retry_count I, execution_id T, run_id T, capture_id T, metadata_json J, created_at S");
        V0_4.put("core_workflow_runs", "run_id P, workflow_name T, workflow_version I, domain T, partition_key T, status T, started_at S,"
                + " completed_at S, duration_ms I, params J, outputs J, error T, error_category T, error_retryable B, total_steps I,"
                + " completed_steps I, failed_steps I, skipped_steps I, triggered_by T, parent_run_id T, schedule_id T, created_at S,"
                + " created_by T, capture_id T");
    }

    /** The indexes spine-core creates with its tables (both generations; the renamed column in 0.4.0). */
    private static final List<String> INDEXES = List.of("core_executions(status)", "core_executions(%w)", "core_executions(created_at)",
            "core_manifest(domain, partition_key)", "core_manifest(domain, stage)", "core_manifest(updated_at)",
            "core_anomalies(domain, partition_key)", "core_anomalies(severity)", "core_anomalies(detected_at)", "core_anomalies(resolved_at)",
            "core_work_items(state)", "core_work_items(desired_at)", "core_work_items(domain, %w)", "core_work_items(domain, partition_key)",
            "core_data_readiness(domain, partition_key)", "core_data_readiness(is_ready, ready_for)",
            "core_execution_events(execution_id)", "core_execution_events(timestamp)", "core_dead_letters(resolved_at)",
            "core_execution_logs(run_id)", "core_schedule_runs(schedule_id)", "core_schedule_runs(status)", "core_schedule_runs(scheduled_at)",
            "core_workflow_runs(status)", "core_workflow_runs(started_at)", "core_workflow_runs(created_at)");

    private final Connection c;
    private final boolean pg;
    private final Map<String, String> tables;

    public SpineCoreDatabase(Connection c, Generation g) throws SQLException {
        this.c = c;
        this.pg = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        this.tables = g == Generation.V0_1 ? V0_1 : V0_4;
    }

    /** Drops every table either generation has (and the hand-made ones older tests build), then creates this generation's. */
    public SpineCoreDatabase create() throws SQLException {
        dropAll(c);
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> t : tables.entrySet()) s.execute("CREATE TABLE " + t.getKey() + " (" + ddl(t.getValue()) + ")");
            String work = tables == V0_4 ? "workflow" : "pipeline";
            int n = 0;
            for (String index : INDEXES) {
                String table = index.substring(0, index.indexOf('('));
                if (tables.containsKey(table)) s.execute("CREATE INDEX idx_spine_" + (n++) + " ON " + index.replace("%w", work));
            }
        }
        return this;
    }

    /** Every table either generation (or an older hand-made test database) has: tests share one PostgreSQL database. */
    public static void dropAll(Connection c) throws SQLException {
        boolean pg = c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        List<String> all = new ArrayList<>(V0_4.keySet());
        try (Statement s = c.createStatement()) {
            for (String t : all) s.execute("DROP TABLE IF EXISTS " + t + (pg ? " CASCADE" : ""));
        }
    }

    private String ddl(String columns) {
        List<String> out = new ArrayList<>();
        for (String col : columns.split(",(?![^(]*\\))")) {
            String spec = col.trim();
            if (spec.startsWith("UNIQUE")) {
                out.add(spec);
                continue;
            }
            String[] p = spec.split(" ");
            out.add(p[0] + " " + switch (p[1]) {
                case "T" -> "TEXT";
                case "I" -> "INTEGER";
                case "J" -> pg ? "JSONB" : "TEXT";
                case "B" -> pg ? "BOOLEAN" : "INTEGER";
                case "S" -> pg ? "TIMESTAMP" : "TEXT";
                case "K" -> pg ? "SERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT";
                case "P" -> "TEXT PRIMARY KEY";
                default -> throw new IllegalArgumentException(spec);
            });
        }
        return String.join(", ", out);
    }

    /** Inserts a row the way spine-core's driver would: each value bound as its column's type (times as UTC). */
    public void insert(String table, Map<String, Object> values) throws SQLException {
        insertAll(table, List.of(values));
    }

    /** Inserts rows that all name the same columns, as one JDBC batch (a ten-year database in seconds, not minutes). */
    public void insertAll(String table, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) return;
        Map<String, Object> values = rows.getFirst();
        String spec = tables.get(table);
        Map<String, String> types = new LinkedHashMap<>();
        for (String col : spec.split(",(?![^(]*\\))")) {
            String[] p = col.trim().split(" ");
            if (!p[0].startsWith("UNIQUE")) types.put(p[0], p[1]);
        }
        List<String> cols = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES (" + "?, ".repeat(cols.size() - 1) + "?)";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (Map<String, Object> row : rows) {
                bind(st, table, types, cols, row);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private void bind(PreparedStatement st, String table, Map<String, String> types, List<String> cols, Map<String, Object> values)
        throws SQLException {
        for (int i = 0; i < cols.size(); i++) {
            String type = types.get(cols.get(i));
            if (type == null) throw new IllegalArgumentException(table + " has no column " + cols.get(i) + " in this generation");
            Object v = values.get(cols.get(i));
            if (v == null) st.setNull(i + 1, Types.NULL);
            else if (type.equals("S") && pg) st.setObject(i + 1, utc(v.toString()).atOffset(ZoneOffset.UTC).toLocalDateTime());
            else if (type.equals("J") && pg) st.setObject(i + 1, v.toString(), Types.OTHER);
            else if (type.equals("B")) {
                boolean b = v instanceof Boolean x ? x : ((Number) v).intValue() != 0;
                if (pg) st.setBoolean(i + 1, b);
                else st.setInt(i + 1, b ? 1 : 0);
            } else if (v instanceof Number n) st.setLong(i + 1, n.longValue());
            else st.setString(i + 1, v.toString());
        }
    }

    /** Any of spine-core's three spellings of a UTC time ({@code …+00:00}, no zone, {@code YYYY-MM-DD HH:MM:SS}). */
    public static Instant utc(String spelled) {
        String t = spelled.trim().replace(' ', 'T');
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) return OffsetDateTime.parse(t).toInstant();
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }

    /** Column → value, in the order given (Map.of loses order and refuses nulls). */
    public static Map<String, Object> row(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], pairs[i + 1]);
        return m;
    }
}
