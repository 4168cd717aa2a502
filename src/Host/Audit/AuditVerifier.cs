using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Audit;

/// <summary>Result of walking the audit chain.</summary>
/// <param name="Intact">True when every link holds, every checkpoint's signature is valid and every checkpointed entry is present.</param>
/// <param name="EntriesChecked">How many entries were walked.</param>
/// <param name="FirstBrokenSeq">Sequence number of the first bad (or missing) entry, or null.</param>
/// <param name="Reason">Why it is bad, or null.</param>
/// <param name="LegacyEntries">Entries written before the chain was keyed (plain SHA-256): checked the old way, which proves
/// their order but not that nobody with database access rewrote them; a checkpoint signed after them covers them.</param>
/// <param name="KeyedEntries">Entries linked with the keyed MAC (HMAC-SHA256 or HMAC-SM3).</param>
/// <param name="Checkpoints">Signed checkpoints checked.</param>
/// <param name="LastCheckpointSeq">Sequence number the last checkpoint covers, or null when there is none yet.</param>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSeq, string? Reason,
    long LegacyEntries = 0, long KeyedEntries = 0, int Checkpoints = 0, long? LastCheckpointSeq = null);

/// <summary>
/// Walks the whole chain in order, recomputing each entry's canonical text and link (plain SHA-256 for legacy entries, the
/// keyed MAC for the others: a legacy entry after a keyed one is a forgery), then checks every signed checkpoint: its signature,
/// that the entry it names exists with the hash it signed (entries cut after it are reported), and the head.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(SupervisionDbContext db, AuditKeys keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var checkpoints = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Seq).ToListAsync(ct);
        var bySeq = checkpoints.ToDictionary(c => c.Seq);
        var lastCheckpoint = checkpoints.LastOrDefault()?.Seq;
        AuditVerification Broken(long count, long seq, string reason, long legacy, long keyed) =>
            new(false, count, seq, reason, legacy, keyed, checkpoints.Count, lastCheckpoint);

        foreach (var c in checkpoints)
            if (!keys.Verify(c.Algorithm, AuditCheckpoints.Message(c.Seq, c.Hash, c.At), c.Signature))
                return Broken(0, c.Seq, $"the checkpoint at seq {c.Seq} ({c.At:yyyy-MM-dd HH:mm:ss}Z) has no valid signature of this deployment's checkpoint key", 0, 0);

        var previous = AuditLog.Genesis;
        long expectedSeq = 1, count = 0, legacy = 0, keyed = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(x => x.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            var chain = (AuditChain)e.Chain;
            string? reason = null;
            if (e.Seq != expectedSeq) reason = $"sequence gap: expected {expectedSeq}, found {e.Seq}";
            else if (!e.PreviousHash.AsSpan().SequenceEqual(previous)) reason = "previous-hash does not match the preceding entry";
            else if (AuditLog.Canonicalise(e) != e.Canonical) reason = "columns differ from the hashed content";
            else if (!Enum.IsDefined(chain)) reason = $"unknown chain kind {e.Chain}";
            else if (chain == AuditChain.LegacySha256 && keyed > 0) reason = "an unkeyed entry after keyed entries (the chain was rewritten)";
            else if (chain != AuditChain.LegacySha256 && e.KeyId != keys.KeyId) reason = $"keyed with another key ({e.KeyId}) than this deployment's ({keys.KeyId})";
            else if (!keys.Link(chain, previous, e.Canonical).AsSpan().SequenceEqual(e.Hash))
                reason = chain == AuditChain.LegacySha256 ? "hash does not match the content" : "keyed hash does not match the content (edited, or recomputed without the key)";
            else if (bySeq.TryGetValue(e.Seq, out var c) && !c.Hash.AsSpan().SequenceEqual(e.Hash))
                reason = $"differs from the signed checkpoint of {c.At:yyyy-MM-dd HH:mm:ss}Z";
            if (reason is not null) return Broken(count, e.Seq, reason, legacy, keyed);
            if (chain == AuditChain.LegacySha256) legacy++; else keyed++;
            previous = e.Hash;
            expectedSeq++;
        }
        var last = expectedSeq - 1;
        if (lastCheckpoint is { } covered && covered > last)
            return Broken(count, last + 1, $"entries {last + 1}–{covered} covered by the signed checkpoint of {bySeq[covered].At:yyyy-MM-dd HH:mm:ss}Z are missing (the chain was cut)", legacy, keyed);
        var head = await db.Database.SqlQueryRaw<HeadRow>("SELECT seq, hash FROM supervision.audit_head WHERE id = 1")
            .SingleAsync(ct);
        if (head.Seq != last || !head.Hash.AsSpan().SequenceEqual(previous))
            return Broken(count, expectedSeq, "chain head does not match the last entry (entries removed?)", legacy, keyed);
        return new AuditVerification(true, count, null, null, legacy, keyed, checkpoints.Count, lastCheckpoint);
    }

    private sealed record HeadRow(long Seq, byte[] Hash);
}
