using FastEndpoints;
using SupervisionCore.Kernel;
using SupervisionCore.Plugins.Yunnan.Data;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.GetYear;

public sealed class Endpoint(YunnanDbContext db) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/learning-years/{year}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.Auditor);
        Description(b => b.WithName("yn.learning-years.get").Produces<Response>(200).ProducesProblem(403));
        Tags("yn");
        Summary(s => { s.Summary = "A learning year's close (YN 17)"; s.Description = "业务学习年度是否已关闭（手动或定时任务），以及关闭时取消资格的名单和规则。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (User.YunnanScope() is not { } scope) { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("调用者辖区不含云南", "the caller's jurisdiction does not cover Yunnan"))); return; }
        var closed = await LearningYearCloser.ClosedAsync(db, req.Year, scope, ct);
        await Send.OkAsync(new Response(req.Year, closed?.Scope ?? scope.Value, closed is not null, closed?.ClosedOn,
            closed is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<ConsequenceDto>>(closed.Decisions, System.Text.Json.JsonSerializerOptions.Web) ?? [],
            closed is null ? [] : LearningYearCloser.NoSessionsOf(closed)), ct);
    }
}
