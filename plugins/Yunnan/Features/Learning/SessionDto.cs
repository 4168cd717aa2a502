using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning;

/// <summary>A learning session with its recorded results.</summary>
/// <param name="Id" example="0193a5c7-5c32-7d4e-af60-7b8c9d0e1f2a">Session id.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution holding it.</param>
/// <param name="Jurisdiction" example="53">Jurisdiction.</param>
/// <param name="Year" example="2025">Learning year.</param>
/// <param name="HeldOn" example="2025-06-01">Day held.</param>
/// <param name="Content" example="《云南省职业技能等级认定质量督导工作规程》解读及督导报告填写规范">What was taught.</param>
/// <param name="Results">Recorded results.</param>
public sealed record SessionDto(Guid Id, Guid InstitutionId, string Jurisdiction, int Year, DateOnly HeldOn, string Content, IReadOnlyList<ResultDto> Results)
{
    public static SessionDto From(LearningSession s, IEnumerable<LearningResult> results) =>
        new(s.Id, s.InstitutionId, s.Jurisdiction, s.Year, s.HeldOn, s.Content,
            [.. results.OrderBy(r => r.SupervisorId).Select(r => new ResultDto(r.SupervisorId, r.Attended, r.Passed))]);
}

/// <summary>Attendance and result of one internal supervisor.</summary>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The internal supervisor.</param>
/// <param name="Attended" example="true">Attended.</param>
/// <param name="Passed" example="true">合格 (true) or 不合格 (false); null when absent.</param>
public sealed record ResultDto(Guid SupervisorId, bool Attended, bool? Passed);

/// <summary>Visibility of sessions: institution operators see their own institution's, others their part of Yunnan.</summary>
public static class SessionAccess
{
    public static async Task<LearningSession?> VisibleAsync(YunnanDbContext db, System.Security.Claims.ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var s = await db.LearningSessions.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !user.CanAccess(JurisdictionCode.Parse(s.Jurisdiction))) return null;
        if (user.IsInstitutionOperator() && user.Institution() != s.InstitutionId) return null;
        return s;
    }
}
