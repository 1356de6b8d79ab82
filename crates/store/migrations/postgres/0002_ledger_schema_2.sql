-- Version 2 on PostgreSQL: claims in the shape of ledger schema
-- `crosscheck.ledger/2`, as ../0002_ledger_schema_2.sql; the same Rust step
-- rewrites any claim body still in the shape of schema 1.
SELECT 1;
