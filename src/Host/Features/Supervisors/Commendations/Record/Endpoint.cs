using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Assessments;
using SupervisionCore.Kernel.Assessments;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Commendations.Record;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>Day of the decision (not after today).</summary>
    /// <example>2026-01-15</example>
    public DateOnly On { get; set; }
    /// <summary>The assessment year it is for (YN 22 commends an excellent assessment of that year).</summary>
    /// <example>2025</example>
    public int? Year { get; set; }
    /// <summary>The measure (表彰名称 / 激励措施).</summary>
    /// <example>2025年度优秀质量督导员</example>
    public string Title { get; set; } = string.Empty;
    /// <summary>What is commended (突出表现或贡献).</summary>
    /// <example>年度考核优秀，全年督导记录均按期报送</example>
    public string Reason { get; set; } = string.Empty;
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.On).InclusiveBetween(new DateOnly(2000, 1, 1), new DateOnly(2100, 12, 31)).WithMessage("'on' must be a day from 2000-01-01 to 2100-12-31");
        RuleFor(r => r.Year).InclusiveBetween(2000, 2099).When(r => r.Year is not null).WithMessage("'year' must be between 2000 and 2099");
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Reason).MaximumLength(2000);
    }
}

/// <summary>A commendation in the supervisor's file.</summary>
/// <param name="Id" example="0193a5c8-1a2b-7c3d-8e4f-5a6b7c8d9e0f">Commendation id.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="On" example="2026-01-15">Day of the decision.</param>
/// <param name="Year" example="2025">Assessment year it is for, if any.</param>
/// <param name="Title" example="2025年度优秀质量督导员">The measure.</param>
/// <param name="Reason" example="年度考核优秀">What is commended.</param>
/// <param name="DecidedBy" example="client:demo-province-admin-53">Who recorded it.</param>
/// <param name="Rules">Rule ids applied (<c>cn.supervisor.file</c> and the regional rule).</param>
/// <param name="CreatedAt" example="2026-01-15T10:00:00+08:00">Recorded.</param>
public sealed record CommendationDto(Guid Id, Guid SupervisorId, DateOnly On, int? Year, string Title, string Reason, string DecidedBy, IReadOnlyList<string> Rules, DateTimeOffset CreatedAt)
{
    internal static CommendationDto From(SupervisorCommendation c) => new(c.Id, c.SupervisorId, c.On, c.Year, c.Title, c.Reason, c.DecidedBy, c.Rules, c.CreatedAt);
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock, IEnumerable<ICommendationRule> regional) : Endpoint<Request, CommendationDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/commendations");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.commendations.record").Produces<CommendationDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Record a commendation where a regional text provides one (GD 21, YN 22)";
            s.Description = "表彰/激励记入考核档案（cn.supervisor.file）：全国规程未规定表彰，只在有施行中地方规定的辖区登记——广东第二十一条激励机制（外督，gd.incentive），云南第二十二条对年度考核优秀的人员表彰奖励（须指明年度且该年度考核为优秀，yn.commendation）；其他辖区422。须记录事由，日期不晚于今天。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        if (User.CannotManage(supervisor.Kind, supervisor.InstitutionId, supervisor.Jurisdiction) is { } denied) { await Send.ResultAsync(Problems.Forbidden(denied)); return; }
        var subject = new CommendationSubject(supervisor.Id.ToString(), supervisor.Kind == "internal" ? SupervisorKind.Internal : SupervisorKind.External,
            JurisdictionCode.Parse(supervisor.Jurisdiction), await AssessmentHistory.GradesAsync(db, supervisor.Id, ct));
        var decision = SupervisorFileDecisions.Commend(new CommendationFacts(req.On, ChinaTime.DateOf(clock.GetUtcNow()), req.Year, req.Reason, subject, [.. regional]));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }

        var commendation = new SupervisorCommendation
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, On = req.On, Year = req.Year, Title = req.Title.Trim(), Reason = req.Reason.Trim(),
            DecidedBy = User.ActorId(), Rules = [.. decision.Transition.Rules], CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SupervisorCommendations.Add(commendation);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.commendation.record", "supervisor-commendation", commendation.Id.ToString(), supervisor.Jurisdiction,
            Rules: commendation.Rules, After: new { commendation.SupervisorId, commendation.On, commendation.Year, commendation.Title }), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(CommendationDto.From(commendation), 201, ct);
    }
}
