using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Tasks.Create;

public sealed class Request
{
    /// <summary>daily | special | after-the-fact | competition-in-progress | competition-after | annual-inspection.</summary>
    /// <example>daily</example>
    public string Kind { get; set; } = string.Empty;
    /// <summary>Dispatching authority (委派机构) id.</summary>
    /// <example>44</example>
    public string AuthorityId { get; set; } = string.Empty;
    /// <summary>Target activity; or only <see cref="InstitutionId"/> for a task on an institution (special supervision).</summary>
    /// <example>0193a5c4-6b10-7c8e-a3f5-1d2e3f4a5b60</example>
    public Guid? ActivityId { get; set; }
    /// <example>null</example>
    public Guid? InstitutionId { get; set; }
    /// <summary>For competitions: the venue supervised (staffing per venue).</summary>
    /// <example>null</example>
    public long? VenueId { get; set; }
    /// <summary>督导事项 (matters to check), e.g. the items of CN 12.</summary>
    /// <example>["考场秩序", "考评人员、管理人员工作情况"]</example>
    public List<string> Matters { get; set; } = [];
    /// <summary>Task window; default the activity's start and end.</summary>
    /// <example>2025-06-01T08:30:00+08:00</example>
    public DateTimeOffset? WindowStart { get; set; }
    /// <example>2025-06-01T17:00:00+08:00</example>
    public DateTimeOffset? WindowEnd { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Kind).Must(k => TaskKinds.TryParse(k, out _)).WithMessage("'kind' must be one of " + string.Join(", ", TaskKinds.All));
        RuleFor(r => r.AuthorityId).NotEmpty().MaximumLength(40);
        RuleFor(r => r).Must(r => r.ActivityId is not null || r.InstitutionId is not null).WithName("activityId").WithMessage("give 'activityId' or 'institutionId'");
        RuleFor(r => r).Must(r => r.ActivityId is not null || (r.WindowStart is not null && r.WindowEnd is not null)).WithName("windowStart")
            .WithMessage("a task without an activity needs 'windowStart' and 'windowEnd'");
        RuleFor(r => r.WindowEnd).GreaterThan(r => r.WindowStart).When(r => r.WindowStart is not null && r.WindowEnd is not null).WithMessage("'windowEnd' must be after 'windowStart'");
        RuleFor(r => r.Matters).NotNull().WithMessage("'matters' must be a list ([] for none)").Must(m => m is null || m.Count <= 50).WithMessage("'matters': at most 50");
        RuleForEach(r => r.Matters).NotEmpty().MaximumLength(500);
    }
}

public sealed class Endpoint(SupervisionDbContext db, InstitutionAccess institutions, TaskPlanner planner)
    : Endpoint<Request, TaskDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervision-tasks");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("tasks.create").Produces<TaskDto>(201).ProducesProblem(404).ProducesProblem(422));
        Tags("tasks");
        Summary(s => { s.Summary = "Create a supervision task"; s.Description = "设立督导任务（日常、专项、事后、竞赛事中/事后、年检评估）：委派机构、对象（活动或机构）、督导事项；所需督导员人数由人员配备规则确定（全国：专项至少3名，其余至少1名；政策包可覆盖）。督导形式须在该地区存在：全国为日常、专项（CN 13），其他形式由政策包规定（BJ 18/25 事后、竞赛；YN 10 年检评估），否则 422 cn.task.kinds；已取消评价资格的机构 422。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var activity = req.ActivityId is { } aid ? await db.Activities.AsNoTracking().Include(a => a.Venues).SingleOrDefaultAsync(a => a.Id == aid, ct) : null;
        var institution = (activity?.InstitutionId ?? req.InstitutionId) is { } institutionId ? await institutions.VisibleAsync(User, institutionId, ct) : null;
        if (institution is null || (req.ActivityId is not null && activity is null)) { await Send.ResultAsync(Problems.NotFound("activity or institution not found")); return; }
        var venue = req.VenueId is { } vid ? activity?.Venues.SingleOrDefault(v => v.Id == vid) : null;
        if (req.VenueId is not null && venue is null) { await Send.ResultAsync(Problems.NotFound($"venue {req.VenueId} of this activity")); return; }
        var (notFound, task, decision) = await planner.DecideAsync(User,
            new TaskPlanner.Plan(req.Kind, req.AuthorityId, institution, activity, venue, req.Matters, req.WindowStart, req.WindowEnd), ct);
        if (notFound is not null) { await Send.ResultAsync(notFound); return; }
        if (!decision!.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await planner.AddAsync(task!, User.AsActor(), null, ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(TaskDto.From(task!), 201, ct);
    }
}
