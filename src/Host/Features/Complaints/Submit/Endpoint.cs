using System.Security.Cryptography;
using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Complaints.Submit;

public sealed class Request
{
    /// <summary>Where the evaluation work took place: a province (44) or a zone (11.ETDZ).</summary>
    /// <example>44</example>
    public string Jurisdiction { get; set; } = string.Empty;
    /// <summary>The institution complained about, when the reporter knows its id (from the public registry).</summary>
    /// <example>null</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>The institution as the reporter names it.</summary>
    /// <example>某职业技能评价机构</example>
    public string? InstitutionName { get; set; }
    /// <summary>public (群众举报, default) | media (媒体报道, GD 15(三)).</summary>
    /// <example>public</example>
    public string Source { get; set; } = "public";
    /// <summary>What is reported: when, where, what happened (10–5,000 characters).</summary>
    /// <example>2025年6月10日某机构电工三级理论考试考场存在替考现象</example>
    public string Text { get; set; } = string.Empty;
    /// <summary>A mobile number to be called back on; leave out to report anonymously. Never shown again unmasked.</summary>
    /// <example>null</example>
    public string? ContactPhone { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Jurisdiction).Must(j => JurisdictionCode.TryParse(j, out var code) && !code.IsNational)
            .WithMessage("'jurisdiction' must be a province or zone code (44, 11.ETDZ)");
        RuleFor(r => r.Source).Must(s => ComplaintText.Sources.Contains(s)).WithMessage("'source' must be public or media");
        RuleFor(r => r.Text).NotEmpty().Length(10, 5000).WithMessage("'text' must be 10–5,000 characters");
        RuleFor(r => r.InstitutionName).MaximumLength(200);
        RuleFor(r => r.ContactPhone).Matches("^1[3-9][0-9]{9}$").When(r => r.ContactPhone is not null).WithMessage("'contactPhone' must be an 11-digit mobile number");
    }
}

/// <summary>What the reporter gets back: a tracking code, nothing they sent.</summary>
/// <param name="TrackingCode" example="K7Q2M9X4TB3C">Keep it to ask for the state (GET /api/v1/public/complaints/{trackingCode}).</param>
/// <param name="State" example="received">received.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record Response(string TrackingCode, string State, DateTimeOffset ReceivedAt);

public sealed class Endpoint(SupervisionDbContext db, PersonalData personal, AuditLog audit, TimeProvider clock) : Endpoint<Request, Response>
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public override void Configure()
    {
        Post("/api/v1/public/complaints");
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(RateLimits.Public));
        Description(b => b.WithName("public.complaints.submit").Produces<Response>(201).ProducesProblem(400).ProducesProblem(429));
        Tags("public");
        Summary(s => { s.Summary = "Report suspected violations in evaluation work (anonymous allowed)"; s.Description = "群众举报（CN 12(三)；GD 15(三) 含媒体报道；BJ 21(九)；YN 7(六)）：可匿名；只返回查询码，不回显任何提交内容；联系电话加密保存、仅脱敏显示；按客户端IP限流。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var where = JurisdictionCode.Parse(req.Jurisdiction);
        if (req.InstitutionId is { } institutionId
            && !await db.Institutions.AsNoTracking().AnyAsync(i => i.Id == institutionId && (i.Jurisdiction == where.Value || i.Jurisdiction.StartsWith(where.Value + ".")), ct))
            ThrowError(r => r.InstitutionId!, "no such institution in that jurisdiction");
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), TrackingCode = RandomNumberGenerator.GetString(Alphabet, 12), Jurisdiction = where.Value, InstitutionId = req.InstitutionId,
            InstitutionName = req.InstitutionName?.Trim(), Source = req.Source, Text = req.Text.Trim(), State = ComplaintText.Of(Kernel.Complaints.ComplaintState.Received),
            ContactCipher = req.ContactPhone is { } phone ? personal.Encrypt(phone) : null, ContactMasked = req.ContactPhone is { } p ? PersonalData.MaskPhone(p) : null,
            ReceivedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, new AuditActor("anonymous", complaint.Jurisdiction), new AuditEvent("complaint.receive", "complaint", complaint.Id.ToString(), complaint.Jurisdiction,
            Rules: [NationalRules.ComplaintInvestigation.Id], After: new { complaint.Id, complaint.Source, complaint.InstitutionId, Anonymous = complaint.ContactCipher is null }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(new Response(complaint.TrackingCode, complaint.State, complaint.ReceivedAt), 201, ct);
    }
}
