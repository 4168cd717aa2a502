using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;

namespace SupervisionCore.Host.Features.Supervisors.Photo.Get;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
}

/// <summary>The supervisor's card photo (image bytes), for those who manage or print the card and for the supervisor.</summary>
public sealed class Endpoint(SupervisionDbContext db, PersonalData personalData) : Endpoint<Request>
{
    public override void Configure()
    {
        Get("/api/v1/supervisors/{id}/photo");
        Roles(PhotoAccess.Readers);
        Description(b => b.WithName("supervisors.photo.get").Produces<byte[]>(200, "image/jpeg", "image/png").ProducesProblem(403).ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "The supervisor's card photo"; s.Description = "证卡照片（个人信息）：管理或打印证卡者（管理员、鉴定中心、内督所属评价机构）和督导员本人可取；审计员无权（403）；无照片 404。不缓存（Cache-Control: private, no-store）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var photo = await db.SupervisorPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.SupervisorId == supervisor.Id, ct);
        if (photo is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} has no photo")); return; }
        HttpContext.Response.Headers.CacheControl = "private, no-store";
        await Send.BytesAsync(Convert.FromBase64String(personalData.Decrypt(photo.Cipher)), contentType: photo.MediaType, cancellation: ct);
    }
}
