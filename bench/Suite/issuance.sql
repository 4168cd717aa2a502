-- One card issuance as the endpoint does it (CardIssuance.IssueAsync + AuditLog.AppendSql), for pgbench.
-- :key (allocation key) and :run are set with -D; the counter has no 9999 cap here so a 20 s run never exhausts it.
BEGIN;
INSERT INTO supervision.card_counters (allocation_key, last_serial) VALUES (':key', 1)
  ON CONFLICT (allocation_key) DO UPDATE SET last_serial = card_counters.last_serial + 1
  WHERE card_counters.last_serial + 1 <= 2147483647
  RETURNING last_serial AS serial \gset
INSERT INTO supervision.cards (id, supervisor_id, number, kind, scheme, allocation_key, year, serial, issuer_id,
                               jurisdiction, issued_on, valid_until, batch_id, created_at)
  VALUES (gen_random_uuid(), gen_random_uuid(), 'P:run-' || :serial, 'external', 'cn.external', ':key', 2025, :serial, '44',
          '44', DATE '2025-06-01', DATE '2028-05-31', NULL, now());
WITH old AS (SELECT seq, hash FROM supervision.audit_head WHERE id = 1 FOR UPDATE),
upd AS (
    UPDATE supervision.audit_head h
       SET seq = old.seq + 1, hash = sha256(old.hash || convert_to('["pgbench card.issue :key :serial"]', 'UTF8'))
      FROM old WHERE h.id = 1
    RETURNING h.seq, h.hash, old.hash AS prev)
INSERT INTO supervision.audit_entries
    (seq, at, actor, actor_jurisdiction, jurisdiction, action, target_type, target_id, rules,
     before_digest, after_digest, detail, canonical, previous_hash, hash)
SELECT upd.seq, now(), 'pgbench', 'CN', '44', 'card.issue', 'card', 'P:run-' || :serial, ARRAY['cn.card.serial-sequence'],
       NULL, NULL, NULL, '["pgbench card.issue :key :serial"]', upd.prev, upd.hash
  FROM upd;
COMMIT;
