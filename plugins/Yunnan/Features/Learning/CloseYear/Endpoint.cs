using FastEndpoints;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.CloseYear;

/// <summary>Closes a learning year (YN 17): whoever has no passed session loses the qualification and is blacklisted.</summary>
public sealed class Endpoint(LearningYearCloser closer, TimeProvider clock)
    : Endpoint<Request, CloseOutcome>
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

    public override async Task HandleAsync(Request req, CancellationToken ct)
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
