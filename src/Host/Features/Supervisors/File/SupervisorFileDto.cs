using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Features.Feedback;
using SupervisionCore.Host.Features.Supervisors.Appointments.Create;
using SupervisionCore.Host.Features.Supervisors.Assessments;
using SupervisionCore.Host.Features.Supervisors.Commendations.Record;
using SupervisionCore.Host.Features.Supervisors.Get;
using SupervisionCore.Host.Features.Supervisors.Sanctions.Decide;
using SupervisionCore.Host.Features.Supervisors.Trainings.Record;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Host.Features.Supervisors.File;

/// <summary>A card in the file.</summary>
/// <param name="Number" example="R44250001">Card number.</param>
/// <param name="Kind" example="external">external | internal.</param>
/// <param name="IssuedOn" example="2025-06-01">Issued.</param>
/// <param name="ValidUntil" example="9999-12-31">Last valid day (9999-12-31: no expiry of its own).</param>
/// <param name="WithdrawnOn" example="null">Withdrawn from.</param>
public sealed record FileCardDto(string Number, string Kind, DateOnly IssuedOn, DateOnly ValidUntil, DateOnly? WithdrawnOn);

/// <summary>A record filed on a dispatch: when, on which form, late or not.</summary>
/// <param name="Id" example="0193a5c9-0000-7000-8000-000000000001">Record id (<c>GET /api/v1/assignments/{assignmentId}/records/{id}</c>).</param>
/// <param name="FormId" example="gd.annex-4">Form.</param>
/// <param name="DueOn" example="2025-06-17">Due day, when a deadline policy governs.</param>
/// <param name="Late" example="false">Filed after the due day.</param>
/// <param name="SubmittedAt" example="2025-06-12T18:00:00+08:00">Filed at.</param>
public sealed record FiledRecordDto(Guid Id, string FormId, DateOnly? DueOn, bool Late, DateTimeOffset SubmittedAt);

/// <summary>One dispatch (assignment) of the supervisor with its record and the institution's feedback.</summary>
/// <param name="AssignmentId" example="0193a5c9-0000-7000-8000-000000000002">Assignment.</param>
/// <param name="TaskId" example="0193a5c9-0000-7000-8000-000000000003">Task.</param>
/// <param name="TaskKind" example="daily">Task kind.</param>
/// <param name="InstitutionId" example="0193a5c9-0000-7000-8000-000000000004">Institution supervised.</param>
/// <param name="InstitutionName" example="广州某职业技能评价中心">Its name.</param>
/// <param name="ActivityDate" example="2025-06-10">First day of the task (China).</param>
/// <param name="Role" example="external">external | internal.</param>
/// <param name="Status" example="completed">invited | accepted | refused | replaced | completed.</param>
/// <param name="EntryAt" example="2025-06-10T08:20:00+08:00">Recorded entry.</param>
/// <param name="ExitAt" example="2025-06-10T17:10:00+08:00">Recorded exit.</param>
/// <param name="Records">Records filed on it.</param>
/// <param name="Feedback">The institution's feedback on the supervisor for it.</param>
public sealed record FileDispatchDto(
    Guid AssignmentId, Guid TaskId, string TaskKind, Guid InstitutionId, string InstitutionName, DateOnly ActivityDate, string Role, string Status,
    DateTimeOffset? EntryAt, DateTimeOffset? ExitAt, IReadOnlyList<FiledRecordDto> Records, IReadOnlyList<FeedbackDto> Feedback);

/// <summary>Counts over the file.</summary>
/// <param name="Dispatches" example="6">Dispatches that happened (accepted or completed).</param>
/// <param name="Refusals" example="1">Invitations refused.</param>
/// <param name="RecordsFiled" example="6">Records filed.</param>
/// <param name="RecordsLate" example="1">Of them, filed late.</param>
/// <param name="RecordsMissing" example="0">Dispatches that happened without a record yet.</param>
/// <param name="Feedback" example="5">Institution feedback received.</param>
/// <param name="Assessments" example="2">Annual assessments.</param>
/// <param name="FailedAssessments" example="0">Of them, failed.</param>
/// <param name="Sanctions" example="0">Sanctions.</param>
/// <param name="Commendations" example="1">Commendations.</param>
public sealed record FileSummaryDto(int Dispatches, int Refusals, int RecordsFiled, int RecordsLate, int RecordsMissing, int Feedback, int Assessments, int FailedAssessments, int Sanctions, int Commendations);

/// <summary>
/// 考核档案 (the supervisor's file, CN 11; BJ 28 工作档案; YN 16 质量督导人员档案): everything the dispatching body holds on one
/// supervisor, in one read. Personal data masked as everywhere (ID number: region, birth year, last 4; phone: last 4).
/// </summary>
/// <param name="Supervisor">The supervisor with today's standing.</param>
/// <param name="Summary">Counts.</param>
/// <param name="Trainings">Qualification trainings, annual learning, assessment results recorded as trainings.</param>
/// <param name="Appointments">Terms, with non-renewal decisions.</param>
/// <param name="Cards">Cards.</param>
/// <param name="Dispatches">Dispatches in activity-date order, with records (late or not) and feedback.</param>
/// <param name="Assessments">Annual assessments.</param>
/// <param name="Sanctions">Sanctions.</param>
/// <param name="Commendations">Commendations.</param>
/// <param name="Rules">The rules the file answers to (<c>cn.supervisor.file</c>, <c>cn.assessment.record</c>).</param>
/// <param name="GeneratedAt" example="2026-12-03T10:00:00+08:00">When the file was read.</param>
public sealed record SupervisorFileDto(
    SupervisorDto Supervisor, FileSummaryDto Summary, IReadOnlyList<TrainingDto> Trainings, IReadOnlyList<AppointmentDto> Appointments, IReadOnlyList<FileCardDto> Cards,
    IReadOnlyList<FileDispatchDto> Dispatches, IReadOnlyList<AssessmentDto> Assessments, IReadOnlyList<SanctionDto> Sanctions, IReadOnlyList<CommendationDto> Commendations,
    IReadOnlyList<string> Rules, DateTimeOffset GeneratedAt);

/// <summary>Loads a supervisor's file (the supervisor already found visible to the caller).</summary>
public static class SupervisorFileRead
{
    public static async Task<SupervisorFileDto> LoadAsync(SupervisionDbContext db, SupervisorFacts facts, StandingDto standing, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(facts);
        var s = facts.Supervisor;
        var today = ChinaTime.DateOf(now);
        var trainings = await db.TrainingRecords.AsNoTracking().Where(t => t.SupervisorId == s.Id).OrderBy(t => t.On).ThenBy(t => t.CreatedAt).ToListAsync(ct);
        var appointments = await db.Appointments.AsNoTracking().Where(a => a.SupervisorId == s.Id).OrderBy(a => a.Start).ToListAsync(ct);
        var cards = await db.Cards.AsNoTracking().Where(c => c.SupervisorId == s.Id).OrderBy(c => c.IssuedOn).ThenBy(c => c.Number).ToListAsync(ct);
        var assessments = await db.SupervisorAssessments.AsNoTracking().Where(a => a.SupervisorId == s.Id).OrderBy(a => a.Year).ToListAsync(ct);
        var sanctions = await db.SupervisorSanctions.AsNoTracking().Where(x => x.SupervisorId == s.Id).OrderBy(x => x.DecidedOn).ThenBy(x => x.CreatedAt).ToListAsync(ct);
        var commendations = await db.SupervisorCommendations.AsNoTracking().Where(c => c.SupervisorId == s.Id).OrderBy(c => c.On).ThenBy(c => c.CreatedAt).ToListAsync(ct);
        var dispatches = await (
            from a in db.Assignments.AsNoTracking()
            join t in db.SupervisionTasks.AsNoTracking() on a.TaskId equals t.Id
            join i in db.Institutions.AsNoTracking() on t.InstitutionId equals i.Id
            where a.SupervisorId == s.Id
            select new { a.Id, a.TaskId, TaskKind = t.Kind, t.InstitutionId, InstitutionName = i.Name, t.WindowStart, a.Role, a.Status, a.EntryAt, a.ExitAt, a.RespondedAt, a.CreatedAt })
            .ToListAsync(ct);
        var ids = dispatches.Select(d => d.Id).ToList();
        var records = await db.SupervisionRecords.AsNoTracking().Where(r => ids.Contains(r.AssignmentId)).OrderBy(r => r.SubmittedAt).ToListAsync(ct);
        var feedback = await db.SupervisorFeedback.AsNoTracking().Where(f => ids.Contains(f.AssignmentId)).OrderBy(f => f.SubmittedAt).ToListAsync(ct);

        var lines = dispatches
            .Select(d => new FileDispatchDto(d.Id, d.TaskId, d.TaskKind, d.InstitutionId, d.InstitutionName, ChinaTime.DateOf(d.WindowStart), d.Role, d.Status, d.EntryAt, d.ExitAt,
                [.. records.Where(r => r.AssignmentId == d.Id).Select(r => new FiledRecordDto(r.Id, r.FormId, r.DueOn, r.Late, r.SubmittedAt))],
                [.. feedback.Where(f => f.AssignmentId == d.Id).Select(f => FeedbackDto.From(f, d.TaskId))]))
            .OrderBy(d => d.ActivityDate).ThenBy(d => d.AssignmentId).ToList();
        var happened = lines.Where(l => l.Status is "accepted" or "completed").ToList();
        var summary = new FileSummaryDto(
            happened.Count, lines.Count(l => l.Status == "refused"), records.Count, records.Count(r => r.Late), happened.Count(l => l.Records.Count == 0), feedback.Count,
            assessments.Count, assessments.Count(a => !a.Passed), sanctions.Count, commendations.Count);
        return new SupervisorFileDto(
            SupervisorDto.From(s, standing), summary, [.. trainings.Select(TrainingDto.From)], [.. appointments.Select(a => AppointmentDto.From(a, today))],
            [.. cards.Select(c => new FileCardDto(c.Number, c.Kind, c.IssuedOn, c.ValidUntil, c.WithdrawnOn))], lines, [.. assessments.Select(AssessmentDto.From)],
            [.. sanctions.Select(SanctionDto.From)], [.. commendations.Select(CommendationDto.From)],
            [NationalRules.SupervisorFile.Id, NationalRules.AssessmentRecord.Id], now.ToOffset(TimeSpan.FromHours(8)));
    }
}
