-- Version 2: claims in the shape of ledger schema `crosscheck.ledger/2`.
--
-- A claim's `body` now refers to its sentence by index (`sentence`) instead
-- of `sentence_index` plus a copy of the sentence text, and carries only the
-- payload of its kind. The bodies are rewritten by the Rust step registered
-- with this migration (`schema::upgrade_claims_to_v2`), in the same
-- transaction: a claim that cannot be converted fails the migration and
-- leaves the store at version 1, untouched.
SELECT 1;
