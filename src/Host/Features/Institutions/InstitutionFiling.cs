using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Institutions;

/// <summary>Uniqueness of (filing level, filing number): checked first for a clear answer, backed by the unique index under concurrency.</summary>
internal static class InstitutionFiling
{
    public static Task<bool> IsTakenAsync(SupervisionDbContext db, string level, string number, Guid? except, CancellationToken ct) =>
        db.Institutions.AnyAsync(i => i.FilingLevel == level && i.FilingNumber == number && (except == null || i.Id != except), ct);

    /// <summary>Saves; false when the unique index refused a concurrent duplicate (the transaction is then rolled back by its disposal).</summary>
    public static async Task<bool> TrySaveAsync(SupervisionDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    public static ProblemHttpResult Duplicate(string level, string number) => Problems.Conflict(Create.InstitutionRegistration.DuplicateText(level, number));
}
