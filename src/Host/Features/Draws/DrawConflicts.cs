using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Draws;

/// <summary>Two draws for one task at once: the database lets one win (unique live draw per task, task row version); the other is a 409.</summary>
internal static class DrawConflicts
{
    public static async Task<bool> TrySaveAsync(SupervisionDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return false;
        }
    }

    public static ProblemHttpResult AlreadyLive() => Problems.Conflict(new(
        "该任务已有进行中或已完成的抽取；重新抽取须指明被替代的抽取（replaces）并说明理由",
        "this task already has a live draw; a redraw must name the draw it replaces ('replaces') and give a reason"));
}
