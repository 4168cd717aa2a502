using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Supervisors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Exports.Supervisors;

public sealed class Endpoint(SupervisionDbContext db, SupervisorStanding standing) : Endpoint<ExportRequest>
{
    private static readonly LocalizedText[] Columns =
    [
        new("姓名", "Name"), new("公民身份号码（掩码）", "ID number (masked)"), new("性别", "Sex"), new("出生年份", "Birth year"), new("类别", "Kind"),
        new("辖区", "Jurisdiction"), new("所属评价机构", "Institution"), new("联系电话（掩码）", "Phone (masked)"), new("聘任状态", "Appointment"),
        new("聘期止", "Term ends"), new("证卡编号", "Card number"), new("证卡状态", "Card status"), new("可派遣", "Dispatchable"), new("编号", "Id"),
    ];

    public override void Configure()
    {
        Get("/api/v1/exports/supervisors");
        Validator<ExportRequestValidator>();
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.Auditor, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("exports.supervisors").Produces<byte[]>(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv").ProducesProblem(400));
        Tags("exports");
        Summary(s => { s.Summary = "Export the supervisor registry (.xlsx or .csv)"; s.Description = "督导员名册导出：身份号码和电话只导出掩码，出生日期只导出年份（与掩码合在一起不能还原身份号码）；聘任、证卡、可派遣状态按今日计算。?format=csv|xlsx 或 Accept: text/csv；表头随 Accept-Language。仅限调用者可见的督导员。"; });
    }

    public override async Task HandleAsync(ExportRequest req, CancellationToken ct)
    {
        var query = db.Supervisors.AsNoTracking().VisibleTo(User);
        if (req.Jurisdiction is not null) query = query.WithinJurisdiction(JurisdictionCode.Parse(req.Jurisdiction), s => s.Jurisdiction);
        var rows = await query.OrderBy(s => s.Jurisdiction).ThenBy(s => s.Name).ThenBy(s => s.Id).Take(100_000).ToListAsync(ct);
        var institutionIds = rows.Where(s => s.InstitutionId != null).Select(s => s.InstitutionId!.Value).Distinct().ToList();
        var institutions = await db.Institutions.AsNoTracking().Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        var summaries = await standing.SummariesAsync([.. rows.Select(s => s.Id)], ct);
        await ExportFormat.SendAsync(this, ExportFormat.Of(req.Format, HttpContext.Request), "supervisors", ExportFormat.Headers(Columns), rows.Select(s =>
        {
            var st = summaries[s.Id];
            return (IReadOnlyList<string?>)
            [
                s.Name, s.IdNumberMasked, s.Sex, s.BirthDate.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Kind, s.Jurisdiction,
                s.InstitutionId is { } i ? institutions.GetValueOrDefault(i) : null, s.PhoneMasked, st.Appointment?.Status,
                ExportFormat.Text(st.Appointment?.End), st.Card?.Number, st.Card?.Status, st.Dispatchable ? "true" : "false", s.Id.ToString(),
            ];
        }), ct);
    }
}
