using System.Globalization;
using FastEndpoints;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Blacklist.List;

/// <summary>质量督导失信黑名单 (YN 23, <c>yn.revocation.blacklist</c>).</summary>
public sealed class Endpoint(ISupervisionDirectory directory, TimeProvider clock) : EndpointWithoutRequest<Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/blacklist");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator);
        Description(b => b.WithName("yn.blacklist.list").Produces<Response>(200).ProducesProblem(403));
        Tags("yn");
        Summary(s => { s.Summary = "The supervision dishonesty blacklist (YN 23)"; s.Description = "质量督导失信黑名单（第二十三条）：调用者云南辖区内今日有效的禁入记录；姓名只显示首字，公民身份号码为掩码。"; });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (User.YunnanScope() is not { } scope) { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("调用者辖区不含云南", "the caller's jurisdiction does not cover Yunnan"))); return; }
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        var bars = await directory.BarsAsync(scope, today, ct);
        await Send.OkAsync(new Response(scope.Value, today, [.. bars.Select(b => new Entry(b.Id, b.SupervisorId, Mask(b.Name), b.IdNumberMasked, b.Bar.Scope.Value, b.Bar.From, b.Bar.Until, ViolationDto.From(b.Bar.Violation)))]), ct);
    }

    /// <summary>Keeps the first character, masks the rest (张三 → 张*).</summary>
    public static string Mask(string name)
    {
        var e = StringInfo.GetTextElementEnumerator(name.Trim());
        var first = e.MoveNext() ? (string)e.Current : string.Empty;
        var rest = 0;
        while (e.MoveNext()) rest++;
        return first + new string('*', rest);
    }
}
