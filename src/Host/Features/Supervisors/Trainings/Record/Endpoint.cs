using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Trainings.Record;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>qualification (资格培训/考核) | annual-learning (年度业务学习) | assessment (考核).</summary>
    /// <example>annual-learning</example>
    public string Kind { get; set; } = string.Empty;
    /// <example>2025-06-01</example>
    public DateOnly Date { get; set; }
    /// <example>true</example>
    public bool Passed { get; set; }
    /// <example>2025年度质量督导员业务培训，考核合格</example>
    public string? Note { get; set; }
}

public sealed class Validator : Validator<Request>
{
    internal static readonly string[] Kinds = ["qualification", "annual-learning", "assessment"];

    public Validator()
    {
        RuleFor(r => r.Kind).Must(Kinds.Contains).WithMessage("'kind' must be qualification, annual-learning or assessment");
        RuleFor(r => r.Date).NotEmpty();
        RuleFor(r => r.Note).MaximumLength(500);
    }
}

/// <summary>A training, annual-learning or assessment record.</summary>
public sealed record TrainingDto(Guid Id, Guid SupervisorId, string Kind, DateOnly Date, bool Passed, string? Note, DateTimeOffset CreatedAt)
{
    internal static TrainingDto From(TrainingRecord t) => new(t.Id, t.SupervisorId, t.Kind, t.On, t.Passed, t.Note, t.CreatedAt);
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request, TrainingDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/trainings");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.trainings.record").Produces<TrainingDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404));
        Tags("supervisors");
        Summary(s => { s.Summary = "Record a training, annual learning or assessment"; s.Description = "记录资格培训考核（发证前提，第七条）、年度业务学习或考核结果；考核不合格阻止续聘（第十一条）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        var record = new TrainingRecord
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Kind = req.Kind, On = req.Date, Passed = req.Passed,
            Note = req.Note, CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TrainingRecords.Add(record);
        await db.SaveChangesAsync(ct);
        string[] rules = req.Kind switch { "qualification" => ["cn.card.requires-training"], "assessment" => ["cn.assessment.failed"], _ => [] };
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.training.record", "training-record", record.Id.ToString(), supervisor.Jurisdiction,
            Rules: rules, After: new { record.SupervisorId, record.Kind, record.On, record.Passed, record.Note }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(TrainingDto.From(record), 201, ct);
    }
}
