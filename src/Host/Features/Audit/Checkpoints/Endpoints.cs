using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Audit.Checkpoints;

/// <summary>A signed checkpoint as exported.</summary>
/// <param name="Seq" example="1024">Sequence number of the last entry it covers.</param>
/// <param name="Hash" example="5f1e…">Chain hash at that entry (hex).</param>
/// <param name="At" example="2026-12-03T00:00:00.000000+00:00">When it was signed.</param>
/// <param name="Algorithm" example="ecdsa-p256-sha256">ecdsa-p256-sha256 | sm2-sm3.</param>
/// <param name="KeyId" example="3a9c0e51d2b47f60">First 8 bytes (hex) of SHA-256 of the public key (SubjectPublicKeyInfo DER).</param>
/// <param name="Signature" example="MEUCIQ…">DER signature (base64) of <c>message</c>'s UTF-8 bytes.</param>
/// <param name="Message">The exact text signed.</param>
public sealed record CheckpointDto(long Seq, string Hash, DateTimeOffset At, string Algorithm, string KeyId, string Signature, string Message)
{
    internal static CheckpointDto From(AuditCheckpoint c) => new(c.Seq, Convert.ToHexStringLower(c.Hash), c.At, c.Algorithm, c.KeyId,
        Convert.ToBase64String(c.Signature), AuditCheckpoints.MessageText(c.Seq, c.Hash, c.At));
}

/// <summary>The export: the deployment's checkpoint public key and every checkpoint, oldest first.</summary>
/// <param name="Algorithm" example="ecdsa-p256-sha256">Algorithm of new checkpoints.</param>
/// <param name="KeyId" example="3a9c0e51d2b47f60">Id of the current checkpoint key.</param>
/// <param name="PublicKey">The current checkpoint public key (PEM, SubjectPublicKeyInfo): pin it outside the Host.</param>
/// <param name="Checkpoints">Every checkpoint.</param>
public sealed record CheckpointExport(string Algorithm, string KeyId, string PublicKey, IReadOnlyList<CheckpointDto> Checkpoints);

public sealed class ListEndpoint(SupervisionDbContext db, AuditKeys keys) : EndpointWithoutRequest<CheckpointExport>
{
    public override void Configure()
    {
        Get("/api/v1/audit/checkpoints");
        Roles(KernelRoles.Auditor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("audit.checkpoints.list"));
        Tags("audit");
        Summary(s =>
        {
            s.Summary = "Export the signed audit checkpoints";
            s.Description = "导出审计链的签名检查点（默认每日）和检查点公钥，供数据库之外的验证方离线校验（见 docs/privacy.md）。";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var rows = await db.AuditCheckpoints.AsNoTracking().OrderBy(c => c.Seq).ToListAsync(ct);
        await Send.OkAsync(new CheckpointExport(keys.CheckpointAlgorithm, keys.CheckpointKeyId, keys.PublicKeyPem, [.. rows.Select(CheckpointDto.From)]), ct);
    }
}

public sealed class CreateEndpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : EndpointWithoutRequest<CheckpointDto>
{
    public override void Configure()
    {
        Post("/api/v1/audit/checkpoints");
        Roles(KernelRoles.Auditor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("audit.checkpoints.create").Produces<CheckpointDto>(201).Produces<CheckpointDto>(200).ProducesProblem(409));
        Tags("audit");
        Summary(s =>
        {
            s.Summary = "Sign a checkpoint of the audit chain now";
            s.Description = "立即为审计链当前链头签发检查点（201）；链头已有检查点时返回该检查点（200）；审计链为空时 409。";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (await AuditCheckpoints.CreateAsync(db, audit, User.AsActor(), clock, ct) is not { } made)
        {
            await Send.ResultAsync(Errors.Problems.Conflict(new("审计链为空，无可签发的检查点", "the audit chain is empty; nothing to checkpoint")));
            return;
        }
        await Send.ResponseAsync(CheckpointDto.From(made.Checkpoint), made.Created ? 201 : 200, ct);
    }
}
