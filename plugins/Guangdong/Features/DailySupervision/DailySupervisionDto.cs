using System.Linq.Expressions;
using System.Security.Claims;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Data;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Features.DailySupervision;

/// <summary>A recorded daily check (GD 17(一)(二)).</summary>
/// <param name="Id" example="0193a5c7-4b21-7c3d-9e5f-6a7b8c9d0e1f">Check id.</param>
/// <param name="TaskId" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">The daily task.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution supervised.</param>
/// <param name="Jurisdiction" example="44.A">The task's jurisdiction.</param>
/// <param name="Kind" example="sampling">briefing | on-site | data-comparison | sampling | remote-monitoring.</param>
/// <param name="On" example="2025-06-10">Day of the check.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor who made it, if named.</param>
/// <param name="FilesSampled" example="20">Files sampled (sampling).</param>
/// <param name="VideosSampled" example="3">Video recordings sampled (sampling).</param>
/// <param name="Findings" example="抽查20份认定档案，3份缺少考评员签名；抽查3段考场录像，1段时长不完整。">What the check found.</param>
/// <param name="ProblemsFound" example="true">True when it found a problem to report.</param>
/// <param name="Rule" example="gd.daily.checks">The rule it applies.</param>
/// <param name="RecordedAt" example="2025-06-10T18:02:11+08:00">When it was recorded.</param>
public sealed record CheckDto(Guid Id, Guid TaskId, Guid InstitutionId, string Jurisdiction, string Kind, DateOnly On, Guid? SupervisorId,
    int? FilesSampled, int? VideosSampled, string Findings, bool ProblemsFound, string Rule, DateTimeOffset RecordedAt)
{
    public static CheckDto From(DailyCheck c) => new(c.Id, c.TaskId, c.InstitutionId, c.Jurisdiction, c.Kind, c.On, c.SupervisorId, c.FilesSampled,
        c.VideosSampled, c.Findings, c.ProblemsFound, GuangdongRules.DailyChecks.Id, ChinaTime.ToChina(c.RecordedAt));
}

/// <summary>One round of the institution's rectification report and its review.</summary>
/// <param name="Round" example="1">Round, from 1.</param>
/// <param name="On" example="2025-07-01">Day of the report.</param>
/// <param name="Text" example="已补齐考评员签名并修订档案管理制度，附整改前后对照。">The report.</param>
/// <param name="Late" example="false">After the deadline (flagged, not refused).</param>
/// <param name="Review" example="accepted">accepted | returned, or absent while awaiting review.</param>
/// <param name="ReviewedOn" example="2025-07-05">Day of the review.</param>
/// <param name="ReviewNote" example="整改到位，予以结案。">The reviewer's note.</param>
public sealed record RectificationDto(int Round, DateOnly On, string Text, bool Late, string? Review, DateOnly? ReviewedOn, string? ReviewNote);

/// <summary>A measure against an institution (GD 17(三)) and its rectification (GD 17(四)).</summary>
/// <param name="Id" example="0193a5c8-1c22-7d3e-8f40-516273849a0b">Measure id.</param>
/// <param name="TaskId" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">The daily task whose supervision it follows.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution.</param>
/// <param name="Jurisdiction" example="44.A">Jurisdiction.</param>
/// <param name="Kind" example="reminder-letter">investigation | interview | reminder-letter | quality-notice.</param>
/// <param name="On" example="2025-06-15">Day taken.</param>
/// <param name="Number" example="穗技督提〔2025〕3号">文号 of a letter or notice.</param>
/// <param name="Scope" example="全市各评价机构">通报范围 of a quality notice.</param>
/// <param name="IssuedBy" example="广州市职业技能鉴定指导中心">The issuing body.</param>
/// <param name="Findings" example="认定档案缺少考评员签名，考场录像不完整。">The problems found.</param>
/// <param name="Requirements" example="请于整改期限内补齐签名、完善录像管理，并报送整改情况。">What the institution must do.</param>
/// <param name="RectificationDue" example="2025-07-15">Last day of the rectification.</param>
/// <param name="Status" example="open">open | rectification-submitted | closed.</param>
/// <param name="ClosedOn" example="2025-07-20">Day closed.</param>
/// <param name="Conclusion" example="整改到位，予以结案。">The finding or the note that closed it.</param>
/// <param name="FormId" example="gd.reminder-letter">The printable form (letters and notices), if any.</param>
/// <param name="Rectifications">Rounds of the rectification report.</param>
/// <param name="Rules" example='["gd.daily.measures", "gd.daily.rectification"]'>Rules it applies.</param>
public sealed record MeasureDto(Guid Id, Guid TaskId, Guid InstitutionId, string Jurisdiction, string Kind, DateOnly On, string? Number, string? Scope,
    string IssuedBy, string Findings, string? Requirements, DateOnly? RectificationDue, string Status, DateOnly? ClosedOn, string? Conclusion,
    string? FormId, IReadOnlyList<RectificationDto> Rectifications, IReadOnlyList<string> Rules)
{
    public static MeasureDto From(DailyMeasure m) => new(m.Id, m.TaskId, m.InstitutionId, m.Jurisdiction, m.Kind, m.On, m.Number, m.Scope, m.IssuedBy,
        m.Findings, m.Requirements, m.RectificationDue, m.Status, m.ClosedOn, m.Conclusion, Forms.MeasureForms.For(m.Kind)?.Id,
        [.. m.Rectifications.OrderBy(r => r.Round).Select(r => new RectificationDto(r.Round, r.On, r.Text, r.Late, r.Review, r.ReviewedOn, r.ReviewNote))],
        [GuangdongRules.DailyMeasures.Id, GuangdongRules.DailyRectification.Id]);
}

/// <summary>Who sees which measures: staff and auditors in their part of 44, an institution operator its own institution's.</summary>
public static class MeasureAccess
{
    /// <summary>The measures the caller may read, as a query filter.</summary>
    public static Expression<Func<DailyMeasure, bool>> Readable(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.ReadsByJurisdiction() && GuangdongAccess.Reach(user) is { } reach)
        {
            var code = reach.Value;
            var prefix = code + ".";
            return m => m.Jurisdiction == code || m.Jurisdiction.StartsWith(prefix);
        }
        if (Guid.TryParse(user.InstitutionId(), out var institution)) return m => m.InstitutionId == institution;
        return _ => false;
    }
}
