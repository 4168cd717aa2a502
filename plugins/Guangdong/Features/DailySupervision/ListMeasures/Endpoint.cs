using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Data;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision.ListMeasures;

public sealed class Request
{
    /// <summary>Only this institution's measures.</summary>
    /// <example>0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80</example>
    [QueryParam]
    public Guid? InstitutionId { get; set; }
    /// <summary>Only measures following this task.</summary>
    /// <example>0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01</example>
    [QueryParam]
    public Guid? TaskId { get; set; }
    /// <summary>open | rectification-submitted | closed.</summary>
    /// <example>open</example>
    [QueryParam]
    public string? Status { get; set; }
}

public sealed class Validator : Validator<Request>
{
    private static readonly string[] Statuses = [DailySupervisionKinds.Open, DailySupervisionKinds.RectificationSubmitted, DailySupervisionKinds.Closed];

    public Validator() => RuleFor(r => r.Status).Must(s => s is null || Statuses.Contains(s)).WithMessage("'status' 应为以下之一：" + string.Join("、", Statuses), "'status' must be one of " + string.Join(", ", Statuses));
}

/// <summary>The measures.</summary>
/// <param name="Items">Newest first (at most 500).</param>
public sealed record Response(IReadOnlyList<MeasureDto> Items);

/// <summary>Lists measures (GD 17(三)) in the caller's reach.</summary>
public sealed class Endpoint(GuangdongDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/gd/measures");
        Roles(GuangdongCaller.MeasureReaders);
        Description(b => b.WithName("gd.measures.list").Produces<Response>(200).ProducesProblem(400));
        Tags("gd");
        Summary(s => { s.Summary = "Measures against institutions (GD 17(三))"; s.Description = "调查核实、约谈提醒、提醒函、质量通报及其整改情况：委派机构和审计员看其辖区，评价机构只看本机构。可按机构、任务、状态筛选。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var query = db.DailyMeasures.AsNoTracking().Include(m => m.Rectifications).Where(MeasureAccess.Readable(User));
        if (req.InstitutionId is { } institution) query = query.Where(m => m.InstitutionId == institution);
        if (req.TaskId is { } task) query = query.Where(m => m.TaskId == task);
        if (req.Status is { } status) query = query.Where(m => m.Status == status);
        var items = await query.OrderByDescending(m => m.On).ThenByDescending(m => m.CreatedAt).Take(500).ToListAsync(ct);
        await Send.OkAsync(new Response([.. items.Select(MeasureDto.From)]), ct);
    }
}
