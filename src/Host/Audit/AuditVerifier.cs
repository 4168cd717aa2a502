using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;

namespace SupervisionCore.Host.Audit;

/// <summary>Result of walking the audit chain.</summary>
/// <param name="Intact">True when every link holds.</param>
/// <param name="EntriesChecked">How many entries were walked.</param>
/// <param name="FirstBrokenSeq">Sequence number of the first entry whose link is broken, or null.</param>
/// <param name="Reason">Why that link is broken, or null.</param>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenSeq, string? Reason);

/// <summary>Walks the whole chain in order, recomputing each entry's canonical text and hash.</summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(SupervisionDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = AuditLog.Genesis;
        long expectedSeq = 1, count = 0;
        await foreach (var e in db.AuditEntries.AsNoTracking().OrderBy(x => x.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            string? reason = null;
            if (e.Seq != expectedSeq) reason = $"sequence gap: expected {expectedSeq}, found {e.Seq}";
            else if (!e.PreviousHash.AsSpan().SequenceEqual(previous)) reason = "previous-hash does not match the preceding entry";
            else if (AuditLog.Canonicalise(e) != e.Canonical) reason = "columns differ from the hashed content";
            else if (!AuditLog.ChainHash(previous, e.Canonical).AsSpan().SequenceEqual(e.Hash)) reason = "hash does not match the content";
            if (reason is not null) return new AuditVerification(false, count, e.Seq, reason);
            previous = e.Hash;
            expectedSeq++;
        }
        var head = await db.Database.SqlQueryRaw<HeadRow>("SELECT seq, hash FROM supervision.audit_head WHERE id = 1")
            .SingleAsync(ct);
        if (head.Seq != expectedSeq - 1 || !head.Hash.AsSpan().SequenceEqual(previous))
            return new AuditVerification(false, count, expectedSeq, "chain head does not match the last entry (entries removed?)");
        return new AuditVerification(true, count, null, null);
    }

    private sealed record HeadRow(long Seq, byte[] Hash);
}
