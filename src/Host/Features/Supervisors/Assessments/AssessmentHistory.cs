using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Assessments;

namespace SupervisionCore.Host.Features.Supervisors.Assessments;

/// <summary>An annual assessment as the API shows it.</summary>
/// <param name="Id" example="0193a5c7-6d43-7e5f-b071-8c9d0e1f2a3b">Assessment id.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The supervisor.</param>
/// <param name="Year" example="2025">Year assessed.</param>
/// <param name="Grade" example="passed">excellent (优秀) | passed (合格) | failed (不合格).</param>
/// <param name="Passed" example="true">合格 or better.</param>
/// <param name="AssessedOn" example="2025-12-20">Day of the decision.</param>
/// <param name="Grounds" example="全年委派6次，督导记录均按期报送">What the result rests on (required for failed).</param>
/// <param name="AssessedBy" example="client:demo-center-operator-44">Who recorded it.</param>
/// <param name="Rules">Rule ids applied.</param>
/// <param name="CreatedAt" example="2025-12-20T10:00:00+08:00">Recorded.</param>
public sealed record AssessmentDto(
    Guid Id, Guid SupervisorId, int Year, string Grade, bool Passed, DateOnly AssessedOn, string? Grounds, string AssessedBy, IReadOnlyList<string> Rules, DateTimeOffset CreatedAt)
{
    internal static AssessmentDto From(SupervisorAssessment a) => new(a.Id, a.SupervisorId, a.Year, a.Grade, a.Passed, a.AssessedOn, a.Grounds, a.AssessedBy, a.Rules, a.CreatedAt);
}

/// <summary>The assessments a non-renewal (CN 11) is judged on: the annual assessments, and assessment results recorded as trainings before them.</summary>
public static class AssessmentHistory
{
    /// <summary>Every assessment result of the supervisor (any order).</summary>
    public static async Task<List<AssessmentResult>> ResultsAsync(SupervisionDbContext db, Guid supervisorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var annual = await db.SupervisorAssessments.AsNoTracking().Where(a => a.SupervisorId == supervisorId)
            .Select(a => new AssessmentResult(a.AssessedOn, a.Passed)).ToListAsync(ct);
        var legacy = await db.TrainingRecords.AsNoTracking().Where(t => t.SupervisorId == supervisorId && t.Kind == "assessment")
            .Select(t => new AssessmentResult(t.On, t.Passed)).ToListAsync(ct);
        return [.. annual, .. legacy];
    }

    /// <summary>The supervisor's annual grades, as commendation rules read them.</summary>
    public static async Task<List<AnnualGrade>> GradesAsync(SupervisionDbContext db, Guid supervisorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.SupervisorAssessments.AsNoTracking().Where(a => a.SupervisorId == supervisorId).Select(a => new { a.Year, a.Grade }).ToListAsync(ct);
        return [.. rows.Select(r => new AnnualGrade(r.Year, AssessmentGrades.Parse(r.Grade) ?? AssessmentGrade.Failed))];
    }
}
