using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Activities.Create;

public sealed class VenueInput
{
    /// <example>实训楼A区</example>
    public string Name { get; set; } = string.Empty;
    /// <example>广州市天河区天河路100号</example>
    public string? Address { get; set; }
    /// <summary>Contestants at this venue (competitions, BJ 26).</summary>
    /// <example>60</example>
    public int Contestants { get; set; }
}

public sealed class ExaminerInput
{
    /// <summary>A registered supervisor who examines in this activity.</summary>
    /// <example>null</example>
    public Guid? SupervisorId { get; set; }
    /// <summary>Or the examiner's resident ID number (stored only as a keyed hash and a mask).</summary>
    /// <example>44010619850315002X</example>
    public string? IdNumber { get; set; }
    /// <example>王建华</example>
    public string? Name { get; set; }
}

public sealed class Request
{
    /// <example>0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80</example>
    public Guid InstitutionId { get; set; }
    /// <summary>vocational-qualification | skill-level-recognition | special-ability | competition.</summary>
    /// <example>skill-level-recognition</example>
    public string Kind { get; set; } = string.Empty;
    /// <example>电工</example>
    public string Occupation { get; set; } = string.Empty;
    /// <example>四级/中级工</example>
    public string? Level { get; set; }
    /// <example>GD-2025-0601-01</example>
    public string? PlanNumber { get; set; }
    /// <example>理论知识考试+操作技能考核</example>
    public string? RecognitionForm { get; set; }
    /// <example>2025-06-01T08:30:00+08:00</example>
    public DateTimeOffset StartsAt { get; set; }
    /// <example>2025-06-01T17:00:00+08:00</example>
    public DateTimeOffset EndsAt { get; set; }
    /// <example>60</example>
    public int CandidateCount { get; set; }
    public List<VenueInput> Venues { get; set; } = [];
    public List<ExaminerInput> Examiners { get; set; } = [];
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.InstitutionId).NotEmpty();
        RuleFor(r => r.Kind).Must(ActivityKinds.All.Contains).WithMessage("'kind' must be one of " + string.Join(", ", ActivityKinds.All));
        RuleFor(r => r.Occupation).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Level).MaximumLength(40);
        RuleFor(r => r.PlanNumber).MaximumLength(80);
        RuleFor(r => r.RecognitionForm).MaximumLength(80);
        RuleFor(r => r.StartsAt).NotEmpty();
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt).WithMessage("'endsAt' must be after 'startsAt'")
            .Must((r, end) => end - r.StartsAt <= TimeSpan.FromDays(366)).WithMessage("an activity lasts at most a year");
        RuleFor(r => r.CandidateCount).InclusiveBetween(0, 100_000);
        RuleFor(r => r.Venues).NotNull().WithMessage("'venues' must be a list ([] for none)").Must(v => v is null || v.Count <= 200).WithMessage("'venues': at most 200");
        RuleForEach(r => r.Venues).NotNull().WithMessage("each venue is an object").ChildRules(v =>
        {
            v.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            v.RuleFor(x => x.Address).MaximumLength(300);
            v.RuleFor(x => x.Contestants).InclusiveBetween(0, 100_000);
        });
        RuleFor(r => r.Examiners).NotNull().WithMessage("'examiners' must be a list ([] for none)").Must(e => e is null || e.Count <= 1000).WithMessage("'examiners': at most 1000");
        RuleForEach(r => r.Examiners).NotNull().WithMessage("each examiner is an object").ChildRules(e =>
        {
            e.RuleFor(x => x).Must(x => (x.SupervisorId is null) != string.IsNullOrWhiteSpace(x.IdNumber)).WithName("examiners").WithMessage("each examiner has either supervisorId or idNumber");
            e.RuleFor(x => x.IdNumber).Must(n => n is null || ResidentIdNumber.TryParse(n, DateOnly.FromDateTime(DateTime.UtcNow), out _, out _)).WithMessage("'idNumber' is not a valid resident ID number (GB 11643)");
            e.RuleFor(x => x.Name).MaximumLength(100);
        });
    }
}

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, PersonalData personal, InstitutionAccess institutions, Features.Institutions.InstitutionStanding standing, TimeProvider clock)
    : Endpoint<Request, ActivityDto>
{
    public override void Configure()
    {
        Post("/api/v1/activities");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("activities.create").Produces<ActivityDto>(201).ProducesProblem(404).ProducesProblem(422));
        Tags("activities");
        Summary(s => { s.Summary = "Register an evaluation activity"; s.Description = "登记评价机构的评价活动（职业资格评价、等级认定、专项能力考核、竞赛）：职业、等级、计划编号、认定形式、起止时间、人数、考场、考评人员。被取消评价资格的机构不得新增活动。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var institution = await institutions.VisibleAsync(User, req.InstitutionId, ct);
        if (institution is null) { await Send.ResultAsync(Problems.NotFound($"institution {req.InstitutionId}")); return; }
        var outcome = await standing.CanReceiveNewActivityAsync(institution.Id, ChinaTime.DateOf(req.StartsAt), ct);
        if (!outcome.Passed) { await Send.ResultAsync(Problems.Violations(outcome.Violations)); return; }
        var examinerIds = req.Examiners.Where(e => e.SupervisorId is not null).Select(e => e.SupervisorId!.Value).Distinct().ToList();
        if (await db.Supervisors.CountAsync(s => examinerIds.Contains(s.Id), ct) != examinerIds.Count)
        { await Send.ResultAsync(Problems.NotFound("an examiner's supervisorId does not exist")); return; }

        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var activity = new Activity
        {
            Id = Guid.CreateVersion7(), InstitutionId = institution.Id, Jurisdiction = institution.Jurisdiction, Kind = req.Kind, Occupation = req.Occupation,
            Level = req.Level, PlanNumber = req.PlanNumber, RecognitionForm = req.RecognitionForm, StartsAt = req.StartsAt.ToUniversalTime(), EndsAt = req.EndsAt.ToUniversalTime(),
            CandidateCount = req.CandidateCount, CreatedAt = clock.GetUtcNow(),
            Venues = [.. req.Venues.Select(v => new ActivityVenue { Name = v.Name, Address = v.Address, Contestants = v.Contestants })],
            Examiners = [.. req.Examiners.Select(e => Examiner(e, today))],
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("activity.create", "activity", activity.Id.ToString(), activity.Jurisdiction,
            Rules: [NationalRules.InstitutionSanctionLadder.Id], After: ActivityDto.From(activity)), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(ActivityDto.From(activity), 201, ct);
    }

    private ActivityExaminer Examiner(ExaminerInput e, DateOnly today)
    {
        if (e.SupervisorId is { } id) return new ActivityExaminer { SupervisorId = id, Name = e.Name };
        var number = ResidentIdNumber.Parse(e.IdNumber!, today);
        return new ActivityExaminer { IdNumberHash = personal.LookupHash(number.Value), IdNumberMasked = number.Masked, Name = e.Name };
    }
}
