using System.Globalization;
using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Forms;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>Whether a row's task is staffed as <c>bj.staffing.competition</c> requires.</summary>
/// <param name="Required">External supervisors required.</param>
/// <param name="Allowed">At most this many (null: more allowed, above 200 contestants).</param>
/// <param name="Assigned">External supervisors assigned and not refused or replaced.</param>
/// <param name="Satisfied">Assigned meets the requirement.</param>
public sealed record ScheduleStaffing(int Required, int? Allowed, int Assigned, bool Satisfied);

/// <summary>One row of annex 6 (one competition task: a venue, in progress or after).</summary>
public sealed record ScheduleRow(
    string TaskId, string Kind, string Project, long? VenueId, string Venue, string Occupation, int Contestants,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<string> Supervisors, string? Remark, ScheduleStaffing Staffing);

/// <summary>
/// The annex 6 schedule of a competition: rows, the venues lacking an in-progress or after task, and the rows as annex 6
/// form answers (7 rows per printed sheet).
/// </summary>
public sealed record CompetitionSchedule(
    IReadOnlyList<ScheduleRow> Rows, IReadOnlyList<long> VenuesWithoutInProgress, IReadOnlyList<long> VenuesWithoutAfter,
    IReadOnlyList<IReadOnlyDictionary<string, FormAnswer>> Sheets);

/// <summary>
/// 北京市职业技能竞赛质量督导安排表 (annex 6, BJ 第二十六条) built from a competition's tasks and assignments: one row per
/// competition task (kind <c>competition-in-progress</c> → 事中, <c>competition-after</c> → 事后; cancelled tasks left out),
/// ordered by start, kind, venue. The supervisors are the task's external assignments that are not refused or replaced;
/// each row is checked against <c>bj.staffing.competition</c> for its venue's contestants (per venue: ≤ 200 → 2; above 200 → at
/// least 2). Contestants are the venue's, or the activity's when the task names no venue. The printed table has 7 rows, so
/// longer schedules fill several sheets, each valid against the annex 6 form.
/// </summary>
public static class CompetitionScheduleBuilder
{

    /// <summary>The schedule of <paramref name="activity"/> (a competition).</summary>
    public static CompetitionSchedule Build(ActivityFacts activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var staffing = new CompetitionStaffingRule();
        var venues = activity.Venues.ToDictionary(v => v.Id);
        var project = string.IsNullOrWhiteSpace(activity.PlanNumber) ? activity.Occupation : activity.PlanNumber;
        var occupation = activity.Level is { Length: > 0 } level ? $"{activity.Occupation}（{level}）" : activity.Occupation;
        var tasks = activity.Tasks.Where(t => t.Kind is TaskKind.CompetitionInProgress or TaskKind.CompetitionAfter && t.Status != TaskState.Cancelled).ToList();

        var rows = tasks
            .OrderBy(t => t.WindowStart).ThenBy(t => t.Kind).ThenBy(t => t.VenueId ?? 0).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Select(t =>
            {
                var venue = t.VenueId is { } vid && venues.TryGetValue(vid, out var v) ? v : null;
                var contestants = venue?.Contestants ?? activity.CandidateCount;
                var external = t.Assignments.Where(a => a.Role == SupervisorKind.External && a.Status.IsLive()).ToList();
                var requirement = staffing.RequirementFor(new TaskInfo
                {
                    TaskId = t.Id, Kind = t.Kind, Jurisdiction = activity.Jurisdiction, InstitutionId = activity.InstitutionId, ActivityId = activity.Id,
                    ActivityDate = ChinaTime.DateOf(t.WindowStart), EndDate = ChinaTime.DateOf(t.WindowEnd), CandidateCount = contestants,
                })!;
                var remark = venue is null && activity.Venues.Count > 0 ? "任务未指定竞赛地点 (the task names no venue)" : null;
                return new ScheduleRow(t.Id, t.Kind == TaskKind.CompetitionInProgress ? "in-progress" : "after", project,
                    venue?.Id, venue is null ? "" : (venue.Address is { Length: > 0 } address ? $"{venue.Name}（{address}）" : venue.Name),
                    occupation, contestants, ChinaTime.ToChina(t.WindowStart), ChinaTime.ToChina(t.WindowEnd),
                    [.. external.Select(a => a.SupervisorName)], remark,
                    new ScheduleStaffing(requirement.Required, requirement.Allowed, external.Count, requirement.IsSatisfiedBy(external.Count)));
            }).ToList();

        List<long> Without(TaskKind kind) =>
            [.. activity.Venues.Where(v => !tasks.Any(t => t.Kind == kind && t.VenueId == v.Id)).Select(v => v.Id)];

        return new CompetitionSchedule(rows, Without(TaskKind.CompetitionInProgress), Without(TaskKind.CompetitionAfter), Sheets(rows));
    }

    private static List<IReadOnlyDictionary<string, FormAnswer>> Sheets(List<ScheduleRow> rows)
    {
        var sheets = new List<IReadOnlyDictionary<string, FormAnswer>>();
        for (var start = 0; start < rows.Count; start += BeijingEtdzForms.ScheduleRows)
        {
            var answers = new Dictionary<string, FormAnswer>(StringComparer.Ordinal);
            foreach (var (row, i) in rows.Skip(start).Take(BeijingEtdzForms.ScheduleRows).Select((r, i) => (r, i + 1)))
            {
                string K(string column) => string.Create(CultureInfo.InvariantCulture, $"row-{i}.{column}");
                answers[K("kind")] = new FormAnswer(row.Kind);
                answers[K("project")] = new FormAnswer(row.Project);
                answers[K("venue")] = new FormAnswer(row.Venue.Length > 0 ? row.Venue : "—");
                answers[K("occupation")] = new FormAnswer(row.Occupation);
                answers[K("contestants")] = new FormAnswer(Number: row.Contestants);
                answers[K("starts-at")] = new FormAnswer(row.StartsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                answers[K("ends-at")] = new FormAnswer(row.EndsAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
                answers[K("supervisors")] = new FormAnswer(row.Supervisors.Count > 0 ? string.Join("、", row.Supervisors) : "—");
                if (row.Remark is not null) answers[K("remark")] = new FormAnswer(row.Remark);
            }
            sheets.Add(answers);
        }
        return sheets;
    }
}
