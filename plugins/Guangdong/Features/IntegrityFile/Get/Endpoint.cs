using FastEndpoints;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Rules;
using IntegrityModel = SupervisionCore.Plugins.Guangdong.Integrity.IntegrityFile;

namespace SupervisionCore.Plugins.Guangdong.Features.IntegrityFile.Get;

/// <summary>外督诚信档案 (an external supervisor's integrity file), GD 21; JSON, CSV or xlsx.</summary>
public sealed class Endpoint(ISupervisionDirectory directory) : Endpoint<Request, Response>
{
    /// <inheritdoc />
    public override void Configure()
    {
        Get("/api/v1/regions/gd/supervisors/{id}/integrity-file");
        Roles(GuangdongAccess.FileReaders);
        Description(b => b.WithName("gd.integrity-file.get").Produces<Response>(200).Produces<string>(200, IntegrityFileExport.CsvType, IntegrityFileExport.XlsxType)
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404));
        Tags("gd");
        Summary(s =>
        {
            s.Summary = "An external supervisor's integrity file (诚信档案)";
            s.Description = "外督诚信档案（第二十一条）：委派、接受/不接受委派、到场、督导情况记录表（按时/逾期，第二十条）、评价机构反馈（附件5）、处理，按时间顺序。" +
                            "只限广东（44）的外督；省技能中心和省级管理员可查全省，市鉴定中心只查本市（44.X），全国管理员可查全部。" +
                            "format=csv|xlsx 或 Accept: text/csv / xlsx 媒体类型可导出表格。";
        });
    }

    /// <inheritdoc />
    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var facts = await directory.FindSupervisorAsync(req.Id, ct);
        // Unknown, outside 44 or outside the caller's city are alike: 404, no existence leak.
        if (facts is null || !GuangdongRules.Jurisdiction.Contains(facts.Jurisdiction) || !GuangdongAccess.CanSee(User, facts.Jurisdiction))
        { await Send.ResultAsync(PackProblems.NotFound($"no Guangdong supervisor {req.Id} in the caller's reach")); return; }
        if (facts.Kind != SupervisorKind.External)
        { await Send.ResultAsync(PackProblems.NotFound($"supervisor {req.Id} is an internal supervisor: integrity files are kept for external supervisors (GD 21)")); return; }

        var entries = IntegrityModel.Entries(await directory.FileAsync(facts.Id, ct));
        var name = $"integrity-file-{facts.Id}";
        switch (IntegrityFileExport.Choose(req.Format, HttpContext.Request.Headers.Accept.ToString() is { Length: > 0 } a ? a : null))
        {
            case "csv":
                await Send.BytesAsync(IntegrityFileExport.Csv(entries), $"{name}.csv", IntegrityFileExport.CsvType + "; charset=utf-8", cancellation: ct);
                return;
            case "xlsx":
                await Send.BytesAsync(IntegrityFileExport.Xlsx(entries), $"{name}.xlsx", IntegrityFileExport.XlsxType, cancellation: ct);
                return;
        }
        await Send.OkAsync(new Response
        {
            Supervisor = new SupervisorItem
            {
                Id = facts.Id, Name = facts.Name, IdNumberMasked = facts.IdNumberMasked, Jurisdiction = facts.Jurisdiction.Value,
                Active = facts.Active, CardNumbers = facts.CardNumbers,
            },
            Rule = GuangdongRules.SanctionSupervisor.Id,
            Citation = GuangdongRules.SanctionSupervisor.Citation.ToString(),
            Summary = IntegrityModel.Summarise(entries),
            Entries = [.. entries.Select(e => new EntryItem { At = e.At, Kind = e.Kind, Label = e.Label, TaskId = e.TaskId, InstitutionId = e.InstitutionId, Detail = e.Detail })],
        }, ct);
    }

}
