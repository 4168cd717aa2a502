using System.Security.Cryptography;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Cards;

namespace SupervisionCore.Host.Features.Supervisors.Photo.Put;

public sealed class Request
{
    /// <summary>The supervisor.</summary>
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>The colour 1-inch ID photo: JPEG or PNG (by content), at most 512 KiB, upright, 100–4000 px a side.</summary>
    public IFormFile? Photo { get; set; }
}

/// <summary>What was stored (never the image).</summary>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="MediaType" example="image/jpeg">By magic bytes.</param>
/// <param name="Width" example="295">Pixels.</param>
/// <param name="Height" example="413">Pixels.</param>
/// <param name="Size" example="48213">Bytes.</param>
/// <param name="Sha256" example="3b7e1f0c9a2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7">Hex SHA-256 of the image.</param>
/// <param name="UploadedAt" example="2025-06-01T10:00:00+08:00">When.</param>
public sealed record PhotoDto(Guid SupervisorId, string MediaType, int Width, int Height, int Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>Sets (or replaces) a supervisor's card photo.</summary>
public sealed class Endpoint(SupervisionDbContext db, PersonalData personalData, AuditLog audit, TimeProvider clock) : Endpoint<Request, PhotoDto>
{
    public override void Configure()
    {
        Put("/api/v1/supervisors/{id}/photo");
        AllowFileUploads();
        Roles(PhotoAccess.Writers);
        // JSON is accepted too (answered 400 "photo is required") so that any anonymous call gets its 401 first.
        Description(b => b.WithName("supervisors.photo.put").Accepts<Request>("multipart/form-data", "application/json")
            .Produces<PhotoDto>(200).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(413).ProducesProblem(415));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Set the supervisor's card photo";
            s.Description = "上传证卡照片（彩色1寸照片，证卡样式制作说明）：multipart/form-data 字段 photo；按文件内容判断须为 JPEG 或 PNG（否则 415），" +
                            "不超过 512 KiB（否则 413），竖幅、每边 100–4000 像素（否则 400，字段 photo）。照片属个人信息：加密存储，只有管理或打印证卡者和督导员本人可取，" +
                            "不出现在任何公开输出中。审计记录只含类型、尺寸和 SHA-256。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } reason) { await Send.ResultAsync(Problems.Forbidden(reason)); return; }
        if (req.Photo is null) { await Send.ResultAsync(PhotoAccess.Refused(400, new LocalizedText("缺少照片（multipart/form-data 字段 photo）", "'photo' is required (multipart/form-data)"))); return; }
        if (req.Photo.Length > CardPhoto.MaxBytes)
        { await Send.ResultAsync(PhotoAccess.Refused(413, new LocalizedText($"照片不得超过 {CardPhoto.MaxBytes / 1024} KiB", $"the photo must be at most {CardPhoto.MaxBytes / 1024} KiB"))); return; }
        using var buffer = new MemoryStream();
        await req.Photo.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var inspection = CardPhoto.Inspect(bytes);
        if (!inspection.Fit) { await Send.ResultAsync(PhotoAccess.Refused(inspection.Status, inspection.Problem!)); return; }

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var row = await db.SupervisorPhotos.SingleOrDefaultAsync(p => p.SupervisorId == supervisor.Id, ct);
        var before = row is null ? null : new { row.MediaType, row.Width, row.Height, row.Size, row.Sha256 };
        if (row is null)
        {
            row = new SupervisorPhoto { SupervisorId = supervisor.Id, MediaType = inspection.MediaType!, Sha256 = sha, Cipher = [], UploadedBy = User.ActorId() };
            db.SupervisorPhotos.Add(row);
        }
        row.MediaType = inspection.MediaType!;
        row.Width = inspection.Width;
        row.Height = inspection.Height;
        row.Size = bytes.Length;
        row.Sha256 = sha;
        row.Cipher = personalData.Encrypt(Convert.ToBase64String(bytes));
        row.UploadedBy = User.ActorId();
        row.UploadedAt = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.photo.set", "supervisor", supervisor.Id.ToString(), supervisor.Jurisdiction,
            Before: before, After: new { row.MediaType, row.Width, row.Height, row.Size, row.Sha256 }, Detail: $"photo {row.MediaType} {row.Width}x{row.Height}"), ct);
        await tx.CommitAsync(ct);
        await Send.OkAsync(new PhotoDto(supervisor.Id, row.MediaType, row.Width, row.Height, row.Size, row.Sha256, row.UploadedAt), ct);
    }
}
