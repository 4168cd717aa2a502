using FastEndpoints;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning;

public sealed class CloseYearRequest
{
    /// <example>2025</example>
    public int Year { get; set; }
    /// <summary>Preview: judge and list, change nothing.</summary>
    /// <example>true</example>
    [QueryParam]
    public bool DryRun { get; set; }
}

/// <summary>Closes a learning year (YN 17): whoever has no passed session loses the qualification and is blacklisted.</summary>
public sealed class CloseYearEndpoint(LearningYearCloser closer, TimeProvider clock)
    : Endpoint<CloseYearRequest, CloseOutcome>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/learning-years/{year}/close");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator);
        Description(b => b.WithName("yn.learning-years.close").Produces<CloseOutcome>(200).ProducesProblem(403).ProducesProblem(409));
        Tags("yn");
        Summary(s =>
        {
            s.Summary = "Close a learning year (YN 17); dryRun=true previews";
            s.Description = "关闭业务学习年度（第十七条，yn.learning.annual）：调用者云南辖区内、年末在聘且现仍在聘的每一名内督，其所在机构当年举办过其在聘期间可参加的业务学习教育（聘任不晚于举办日）而无合格记录（不合格或未参加）的，取消督导资格；机构未举办的，列入 noSessionHeld（未举办），不取消任何人资格——撤回证卡、解除聘任、列入失信黑名单（第二十三条），每项附规则编号并记入审计日志。dryRun=true 只预览不改变任何数据。再次关闭同一年度不再改变任何数据（alreadyClosed）。年度未结束不能关闭（409）。";
        });
    }

    public override async Task HandleAsync(CloseYearRequest req, CancellationToken ct)
    {
        if (User.YunnanScope() is not { } scope) { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("调用者辖区不含云南", "the caller's jurisdiction does not cover Yunnan"))); return; }
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var when = LearningYear.CanClose(req.Year, today);
        if (!when.Passed)
        {
            await Send.ResultAsync(PackProblems.Conflict(new LocalizedText($"{req.Year}年度尚未结束，不能关闭", $"the year {req.Year} is not over; it cannot be closed"), when.Violations));
            return;
        }
        var outcome = await closer.CloseAsync(req.Year, scope, today, req.DryRun, User, wait: true, ct);
        await Send.OkAsync(outcome!, ct);
    }
}

public sealed class GetYearRequest
{
    public int Year { get; set; }
}

/// <summary>Whether a learning year is closed in the caller's part of Yunnan, and what the close decided.</summary>
/// <param name="Year" example="2025">Learning year.</param>
/// <param name="Scope" example="53">The part of Yunnan.</param>
/// <param name="Closed" example="true">Closed.</param>
/// <param name="ClosedOn" example="2026-01-05">Day closed.</param>
/// <param name="Decisions">What the close decided.</param>
/// <param name="NoSessionHeld">Who the close did not judge: their institution held no session they could attend.</param>
public sealed record YearDto(int Year, string Scope, bool Closed, DateOnly? ClosedOn, IReadOnlyList<ConsequenceDto> Decisions, IReadOnlyList<NoSessionDto>? NoSessionHeld = null);

public sealed class GetYearEndpoint(YunnanDbContext db) : Endpoint<GetYearRequest, YearDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/learning-years/{year}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.Auditor);
        Description(b => b.WithName("yn.learning-years.get").Produces<YearDto>(200).ProducesProblem(403));
        Tags("yn");
        Summary(s => { s.Summary = "A learning year's close (YN 17)"; s.Description = "业务学习年度是否已关闭（手动或定时任务），以及关闭时取消资格的名单和规则。"; });
    }

    public override async Task HandleAsync(GetYearRequest req, CancellationToken ct)
    {
        if (User.YunnanScope() is not { } scope) { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("调用者辖区不含云南", "the caller's jurisdiction does not cover Yunnan"))); return; }
        var closed = await LearningYearCloser.ClosedAsync(db, req.Year, scope, ct);
        await Send.OkAsync(new YearDto(req.Year, closed?.Scope ?? scope.Value, closed is not null, closed?.ClosedOn,
            closed is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<ConsequenceDto>>(closed.Decisions, System.Text.Json.JsonSerializerOptions.Web) ?? [],
            closed is null ? [] : LearningYearCloser.NoSessionsOf(closed)), ct);
    }
}
