-- TimescaleDB, only where the server has it loaded: plain PostgreSQL and the embedded PGlite skip
-- this block, and the same queries run on a regular table. PL/pgSQL resolves create_hypertable at
-- run time, so the function need not exist where the branch is not taken.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
       AND current_setting('shared_preload_libraries', true) LIKE '%timescaledb%' THEN
        CREATE EXTENSION IF NOT EXISTS timescaledb;
        PERFORM create_hypertable('time_logs', 'timestamp',
            chunk_time_interval => INTERVAL '1 day', migrate_data => TRUE, if_not_exists => TRUE);
        PERFORM add_retention_policy('time_logs', INTERVAL '90 days', if_not_exists => TRUE);
    END IF;
END
$$;
