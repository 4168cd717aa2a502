-- The audit chain head alone (AuditLog.AppendAsync's serialisation point), for pgbench: one transaction that locks the
-- head, links one entry and writes it back, as every audited write of every Host does last before its commit.
BEGIN;
WITH old AS (SELECT seq, hash FROM supervision.audit_head WHERE id = 1 FOR UPDATE),
upd AS (
    UPDATE supervision.audit_head h
       SET seq = old.seq + 1, hash = sha256(old.hash || convert_to('["pgbench audit :run"]', 'UTF8'))
      FROM old WHERE h.id = 1
    RETURNING h.seq, h.hash, old.hash AS prev)
INSERT INTO supervision.audit_entries
    (seq, at, actor, actor_jurisdiction, jurisdiction, action, target_type, target_id, rules,
     before_digest, after_digest, detail, canonical, previous_hash, hash)
SELECT upd.seq, now(), 'pgbench', 'CN', '44', 'bench.audit', 'bench', 'head', ARRAY['cn.card.serial-sequence'],
       NULL, NULL, NULL, '["pgbench audit :run"]', upd.prev, upd.hash
  FROM upd;
COMMIT;
