using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Institutions;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Exports.Institutions;

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<ExportRequest>
{
    private static readonly LocalizedText[] Columns =
    [
        new("机构名称", "Name"), new("类别", "Kind"), new("备案编号", "Filing number"), new("备案层级", "Filing level"), new("辖区", "Jurisdiction"),
        new("状态", "Status"), new("内督证卡颁发机构代码", "Internal card issuer code"), new("登记时间", "Registered at"), new("编号", "Id"),
    ];

    public override void Configure()
    {
        Get("/api/v1/exports/institutions");
        Validator<ExportRequestValidator>();
        Roles(InstitutionScope.Readers);
        Description(b => b.WithName("exports.institutions").Produces<byte[]>(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv").ProducesProblem(400));
        Tags("exports");
        Summary(s => { s.Summary = "Export the institution registry (.xlsx or .csv)"; s.Description = "评价机构名册导出（?format=csv|xlsx 或 Accept: text/csv；表头随 Accept-Language）；仅限调用者辖区。导出文件可按导入模板的列再导入。"; });
    }

    public override async Task HandleAsync(ExportRequest req, CancellationToken ct)
    {
        var query = db.Institutions.AsNoTracking().Visible(User);
        if (req.Jurisdiction is not null) query = query.WithinJurisdiction(JurisdictionCode.Parse(req.Jurisdiction), i => i.Jurisdiction);
        var rows = await query.OrderBy(i => i.Jurisdiction).ThenBy(i => i.Name).ThenBy(i => i.Id).Take(100_000).ToListAsync(ct);
        await ExportFormat.SendAsync(this, ExportFormat.Of(req.Format, HttpContext.Request), "institutions", ExportFormat.Headers(Columns), rows.Select(i =>
            (IReadOnlyList<string?>)[i.Name, i.Kind, i.FilingNumber, i.FilingLevel, i.Jurisdiction, i.Status, i.InternalIssuerCode, ExportFormat.Text(i.CreatedAt), i.Id.ToString()]), ct);
    }
}
