#!/usr/bin/env python3
"""A sample spine-core SQLite database (the core_* tables of docs/connect-market-spine.md) with
twelve weeks of FINRA OTC data across three tiers: runs, a failure, a FINRA revision, anomalies,
certified / preliminary / blocked weeks. For trying `feed --spine-db` without a Market Spine."""
import argparse, json, os, random, sqlite3, sys
from datetime import date, datetime, timedelta, timezone

args = argparse.ArgumentParser(description="Writes a sample spine-core 0.1.0 SQLite database: twelve weeks of FINRA OTC data ending 2026-11-20.")
args.add_argument("out", nargs="?", default="spine-sample.db", help="the database file to write (default: %(default)s); must not exist")
out = args.parse_args().out
if os.path.exists(out):
    sys.exit(f"{out} exists: give a new file name (this script never adds to a database)")
rng = random.Random(7)
db = sqlite3.connect(out)
c = db.cursor()
for ddl in [
    "core_executions (id TEXT PRIMARY KEY, pipeline TEXT, params TEXT, lane TEXT, trigger_source TEXT, logical_key TEXT, status TEXT, created_at TEXT, started_at TEXT, completed_at TEXT, error TEXT)",
    "core_workflow_runs (run_id TEXT PRIMARY KEY, workflow_name TEXT, domain TEXT, partition_key TEXT, status TEXT, started_at TEXT, completed_at TEXT, duration_ms INTEGER, params TEXT, error TEXT, error_category TEXT, error_retryable INTEGER, triggered_by TEXT, created_by TEXT, capture_id TEXT)",
    "core_manifest (domain TEXT, partition_key TEXT, stage TEXT, stage_rank INTEGER, row_count INTEGER, metrics_json TEXT, execution_id TEXT, batch_id TEXT, updated_at TEXT, UNIQUE (domain, partition_key, stage))",
    "core_source_fetches (id INTEGER PRIMARY KEY, source_name TEXT, source_type TEXT, source_locator TEXT, status TEXT, record_count INTEGER, byte_count INTEGER, content_hash TEXT, started_at TEXT, completed_at TEXT, error TEXT, execution_id TEXT, run_id TEXT, capture_id TEXT)",
    "core_anomalies (id INTEGER PRIMARY KEY, domain TEXT, pipeline TEXT, partition_key TEXT, stage TEXT, severity TEXT, category TEXT, message TEXT, details_json TEXT, affected_records INTEGER, sample_records TEXT, execution_id TEXT, capture_id TEXT, detected_at TEXT, resolved_at TEXT, resolution_note TEXT)",
    "core_data_readiness (domain TEXT, partition_key TEXT, is_ready INTEGER, ready_for TEXT, all_partitions_present INTEGER, all_stages_complete INTEGER, no_critical_anomalies INTEGER, dependencies_current INTEGER, age_exceeds_preliminary INTEGER, blocking_issues TEXT, certified_at TEXT, certified_by TEXT, updated_at TEXT)",
    "core_calc_dependencies (calc_domain TEXT, calc_pipeline TEXT, calc_table TEXT, depends_on_domain TEXT, depends_on_table TEXT, dependency_type TEXT, description TEXT)",
    "core_expected_schedules (domain TEXT, pipeline TEXT, schedule_type TEXT, cron_expression TEXT, partition_template TEXT, expected_delay_hours INTEGER, preliminary_hours INTEGER, is_active INTEGER)",
    "core_work_items (id INTEGER PRIMARY KEY AUTOINCREMENT, domain TEXT, pipeline TEXT, partition_key TEXT, params_json TEXT, desired_at TEXT, priority INTEGER, state TEXT, attempt_count INTEGER, max_attempts INTEGER, last_error TEXT, current_execution_id TEXT, latest_execution_id TEXT, created_at TEXT, updated_at TEXT)"]:
    c.execute("CREATE TABLE IF NOT EXISTS " + ddl)
D = "finra.otc_transparency"
c.execute("INSERT INTO core_calc_dependencies VALUES ('finra.otc_transparency', 'finra.otc_transparency.volume_avg_6w.compute', 'volume_avg_6w', 'finra.otc_transparency', 'normalized', 'REQUIRED', '6-week average')")
for p, cron in [("ingest_week", "0 14 * * 1"), ("normalize_week", "30 14 * * 1")]:
    c.execute("INSERT INTO core_expected_schedules VALUES (?, ?, 'weekly', ?, '{week_ending}', 24, 48, 1)", (D, D + "." + p, cron))
def iso(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
symbols = {"NMS_TIER_1": 2780, "NMS_TIER_2": 5040, "OTC": 8100}
ex = 0; an = 0; fe = 0
today = date(2026, 11, 20)
for w in range(12, 0, -1):
    week = today - timedelta(weeks=w)
    for tier, syms in symbols.items():
        part = json.dumps({"week_ending": week.isoformat(), "tier": tier})
        t0 = datetime.combine(week + timedelta(days=17 if tier == "NMS_TIER_1" else 31), datetime.min.time(), timezone.utc) + timedelta(hours=14)
        if t0 > datetime(2026, 11, 25, tzinfo=timezone.utc):
            continue
        prev = None
        for rank, (stage, pipeline) in enumerate([("INGESTED", "ingest_week"), ("NORMALIZED", "normalize_week"), ("CALC_VOLUME_AVG_6W", "volume_avg_6w.compute")], 1):
            ex += 1
            eid = f"ex-{ex:05d}"
            start = t0 + timedelta(minutes=rank * 3)
            failed = stage == "INGESTED" and rng.random() < 0.12
            if failed:
                c.execute("INSERT INTO core_executions VALUES (?, ?, ?, 'default', 'schedule', ?, 'failed', ?, ?, ?, ?)", (eid, D + "." + pipeline, part, eid, iso(start), iso(start), iso(start + timedelta(seconds=3)), "HTTPError: 503 Service Unavailable from api.finra.org"))
                c.execute("INSERT INTO core_workflow_runs VALUES (?, ?, ?, ?, 'failed', ?, ?, 3000, '{}', 'HTTPError: 503', 'NETWORK', 1, 'system:scheduler', 'system:scheduler', NULL)", ("run-" + eid, D + "." + pipeline, D, part, iso(start), iso(start + timedelta(seconds=3))))
                ex += 1; eid = f"ex-{ex:05d}"; start += timedelta(minutes=20)
                c.execute("INSERT INTO core_executions VALUES (?, ?, ?, 'default', 'retry', ?, 'completed', ?, ?, ?, NULL)", (eid, D + "." + pipeline, part, eid, iso(start), iso(start), iso(start + timedelta(seconds=50))))
            else:
                c.execute("INSERT INTO core_executions VALUES (?, ?, ?, 'default', 'schedule', ?, 'completed', ?, ?, ?, NULL)", (eid, D + "." + pipeline, part, eid, iso(start), iso(start), iso(start + timedelta(seconds=rng.randint(8, 60)))))
            n = syms - rng.randint(0, 40)
            c.execute("INSERT INTO core_manifest VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (D, part, stage, rank, n * 7, json.dumps({"symbol_count": n}), eid, "b" + str(ex), iso(start + timedelta(seconds=60))))
            if stage == "INGESTED":
                fe += 1
                c.execute("INSERT INTO core_source_fetches VALUES (?, 'finra_otc', 'http', ?, 'OK', ?, ?, ?, ?, ?, NULL, ?, NULL, NULL)", (fe, f"https://api.finra.org/data/group/otcMarket/name/weeklySummary?tier={tier}&weekEnding={week}", n * 7, n * 231, "%064x" % rng.getrandbits(256), iso(start), iso(start + timedelta(seconds=40)), eid))
        blocked = week == today - timedelta(weeks=6) and tier == "NMS_TIER_2"
        if blocked:
            an += 1
            c.execute("INSERT INTO core_anomalies VALUES (?, ?, ?, ?, 'NORMALIZED', 'CRITICAL', 'completeness', 'row count 38% below the 6-week average: the FINRA file appears truncated', '{}', 0, '[]', NULL, NULL, ?, NULL, NULL)", (an, D, D + ".normalize_week", part, iso(t0 + timedelta(minutes=7))))
        elif rng.random() < 0.15:
            an += 1
            c.execute("INSERT INTO core_anomalies VALUES (?, ?, ?, ?, 'NORMALIZED', 'WARN', 'volume_spike', 'volume 3x the 6-week average for 4 symbols', '{}', 4, '[]', NULL, NULL, ?, ?, 'checked against the exchange: real')", (an, D, D + ".normalize_week", part, iso(t0 + timedelta(minutes=7)), iso(t0 + timedelta(hours=5))))
        recent = t0 > datetime(2026, 11, 10, tzinfo=timezone.utc)
        c.execute("INSERT INTO core_data_readiness VALUES (?, ?, ?, 'trading', 1, 1, ?, 1, 0, ?, ?, ?, ?)", (D, part, 0 if (blocked or recent) else 1, 0 if blocked else 1, json.dumps(["row count 38% below the 6-week average: the FINRA file appears truncated"] if blocked else []), None if (blocked or recent) else iso(t0 + timedelta(hours=6)), None if (blocked or recent) else "j.ortiz", iso(t0 + timedelta(hours=6))))
db.commit()
print(f"wrote {out}")
