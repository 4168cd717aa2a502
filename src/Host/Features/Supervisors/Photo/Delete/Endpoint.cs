using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;

namespace SupervisionCore.Host.Features.Supervisors.Photo.Delete;

public sealed class Request
{
    /// <summary>The supervisor.</summary>
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
}

/// <summary>
/// Deletes a supervisor's card photo (personal data: the person's request, a wrong upload, the end of the file's purpose).
/// The encrypted image is removed, not hidden; the audit entry keeps only what the upload's entry kept (type, size, SHA-256).
/// Deleting twice changes nothing (204 both times, one audit entry).
/// </summary>
public sealed class Endpoint(SupervisionDbContext db, AuditLog audit) : Endpoint<Request>
{
    public override void Configure()
    {
        Delete("/api/v1/supervisors/{id}/photo");
        Roles(PhotoAccess.Writers);
        Description(b => b.WithName("supervisors.photo.delete").Produces(204).ProducesProblem(403).ProducesProblem(404));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Delete the supervisor's card photo";
            s.Description = "删除证卡照片（个人信息）：加密存储的照片被删除而非隐藏，此后打印证卡时照片位置留空；审计记录只含类型、尺寸和 SHA-256。" +
                            "已无照片时再次删除不改变任何数据（仍为 204）。可删除者与可上传者相同。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } reason) { await Send.ResultAsync(Problems.Forbidden(reason)); return; }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = await db.SupervisorPhotos.SingleOrDefaultAsync(p => p.SupervisorId == supervisor.Id, ct);
        if (row is null) { await Send.NoContentAsync(ct); return; }
        var before = new { row.MediaType, row.Width, row.Height, row.Size, row.Sha256 };
        db.SupervisorPhotos.Remove(row);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.photo.delete", "supervisor", supervisor.Id.ToString(), supervisor.Jurisdiction,
            Before: before, Detail: $"photo {row.MediaType} {row.Width}x{row.Height} deleted"), ct);
        await tx.CommitAsync(ct);
        await Send.NoContentAsync(ct);
    }
}
