using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Draws.Inspection.Announce;

public sealed class Request
{
    /// <summary>The subtree the announced draw will be drawn from.</summary>
    /// <example>44</example>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>Hex SHA-256 of the seed that will be revealed at the draw.</summary>
    /// <example>350ca307f4fc78a8937f440e964e2f96f4a904758dd2615c81769848c0f24357</example>
    public string SeedCommitment { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out _)).WithMessage("'jurisdiction' must be a code such as CN, 44 or 44.A");
        RuleFor(r => r.SeedCommitment).NotNull().Matches("^[0-9a-fA-F]{64}$").WithMessage("'seedCommitment' must be 64 hex characters (SHA-256 of the seed)");
    }
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request, DrawDto>
{
    public override void Configure()
    {
        Post("/api/v1/inspection-draw-announcements");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("draws.inspection.announce").Produces<DrawDto>(201).ProducesProblem(403));
        Tags("draws");
        Summary(s => { s.Summary = "Announce an inspection draw with a seed commitment"; s.Description = "检查对象抽取前公布种子的 SHA-256 承诺值；抽取时（POST /api/v1/inspection-draws，announcement + seed）公开种子，任何人可验证种子未被事后挑选。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var subtree = JurisdictionCode.Parse(req.Jurisdiction);
        if (!User.CanAccess(subtree)) { await Send.ResultAsync(Problems.Forbidden(new("只能在本辖区内抽取", "draws only inside your own jurisdiction"))); return; }
        var draw = new Draw
        {
            Id = Guid.CreateVersion7(), Purpose = "inspection", Jurisdiction = subtree.Value, Status = "announced",
            SeedCommitment = req.SeedCommitment.ToLowerInvariant(), Algorithm = VerifiableDraw.Algorithm, CreatedBy = User.ActorId(), CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Draws.Add(draw);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("draw.announce", "draw", draw.Id.ToString(), draw.Jurisdiction,
            Rules: [NationalRules.TaskDoubleRandom.Id], Detail: "commitment " + draw.SeedCommitment), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(DrawDto.From(draw), 201, ct);
    }
}
