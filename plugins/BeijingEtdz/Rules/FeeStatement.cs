using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>One billed period (an activity up to 24 h, or each 24 h of a longer one) of one supervisor's attendance at one task.</summary>
/// <param name="SupervisorId">The supervisor.</param>
/// <param name="SupervisorName">Full name.</param>
/// <param name="AssignmentId">The assignment whose entry/exit was recorded.</param>
/// <param name="TaskId">The task.</param>
/// <param name="TaskKind">Its kind.</param>
/// <param name="InstitutionId">The institution supervised.</param>
/// <param name="Date">The China calendar day the period starts.</param>
/// <param name="From">Start of the period (China time).</param>
/// <param name="To">End of the period (China time).</param>
/// <param name="Minutes">Whole minutes of the period.</param>
/// <param name="Hours">Hours, two decimals.</param>
/// <param name="Unit">Half day, day, or none.</param>
/// <param name="Amount">Yuan.</param>
/// <param name="RateFrom">First day of the rate applied (its version).</param>
public sealed record FeeStatementLine(
    string SupervisorId, string SupervisorName, string AssignmentId, string TaskId, TaskKind TaskKind, string InstitutionId,
    DateOnly Date, DateTimeOffset From, DateTimeOffset To, int Minutes, decimal Hours, FeeUnit Unit, decimal Amount, DateOnly RateFrom)
{
    /// <summary>The parameter values of the rate applied, each with its effective date.</summary>
    public IReadOnlyList<AppliedParameter> Parameters { get; init; } = [];
}

/// <summary>One supervisor's lines and totals in a month.</summary>
public sealed record FeeStatementSupervisor(string SupervisorId, string SupervisorName, IReadOnlyList<FeeStatementLine> Lines, int HalfDays, int Days, decimal Total);

/// <summary>A month's fee statement (劳务费发放明细) of the zone's external supervisors.</summary>
public sealed record FeeStatement(int Year, int Month, IReadOnlyList<FeeStatementSupervisor> Supervisors, decimal Total, string RuleId, string Citation)
{
    /// <summary>Every line, by supervisor then day.</summary>
    public IEnumerable<FeeStatementLine> Lines => Supervisors.SelectMany(s => s.Lines);
}

/// <summary>
/// Builds a month's fee statement from recorded attendance under <c>bj.fee.schedule</c> (BJ 第二十七条: the bureau pays the
/// external supervisors "按照委派督导情况").
/// <para>Readings: only <b>external</b> attendance is paid (第二十七条 pays 外督员; internal supervisors are the institution's
/// own staff, 第七条). The activity is the unit: each task's attendance is quoted whole (<see cref="FeeScheduleRule.Quote"/>:
/// across midnight it is still one activity, one line), so two tasks on one day are two lines. A line belongs to the month
/// in which its billed period starts (China time): an activity from 30 June 20:00 to 1 July 03:00 is one line of June and
/// nothing in July, so no activity is paid twice or split. Each period is billed at the rate in force on the day it starts,
/// so a statement of an earlier month keeps its earlier rate after a change.</para>
/// </summary>
public static class FeeStatementBuilder
{
    /// <summary>
    /// How far before the month an attendance may have started and still reach into it: an activity lasts at most 366 days
    /// and the Host accepts entry up to 12 hours before the task window.
    /// </summary>
    public const int LookbackDays = 367;

    /// <summary>The China days whose attendance entries may contribute to the month (pass to <c>AttendanceAsync</c>).</summary>
    public static (DateOnly From, DateOnly To) AttendanceRange(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return (first.AddDays(-LookbackDays), first.AddMonths(1).AddDays(-1));
    }

    /// <summary>The statement of <paramref name="year"/>-<paramref name="month"/> from <paramref name="attendance"/> (any range; other months' days are dropped).</summary>
    public static FeeStatement Build(FeeScheduleRule rule, int year, int month, IEnumerable<AttendanceFact> attendance)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(attendance);
        var first = new DateOnly(year, month, 1);
        var next = first.AddMonths(1);
        var lines = new List<FeeStatementLine>();
        foreach (var a in attendance.Where(a => a.Role == SupervisorKind.External))
        {
            // The whole activity is quoted as one (BJ 27); each billed period belongs to the month it starts in.
            var periods = FeeScheduleRule.Periods(a.Entry, a.Exit);
            var days = rule.Quote(a.Entry, a.Exit).Days;
            for (var i = 0; i < days.Count; i++)
            {
                var day = days[i];
                if (day.Date < first || day.Date >= next) continue;
                lines.Add(new FeeStatementLine(a.SupervisorId, a.SupervisorName, a.AssignmentId, a.TaskId, a.TaskKind, a.InstitutionId, day.Date,
                    ChinaTime.ToChina(periods[i].From), ChinaTime.ToChina(periods[i].To), day.Minutes, day.Hours, day.Unit, day.Amount,
                    rule.RateOn(day.Date).EffectiveFrom) { Parameters = rule.RateOn(day.Date).Parameters });
            }
        }
        var supervisors = lines
            .GroupBy(l => l.SupervisorId, StringComparer.Ordinal)
            .Select(g =>
            {
                var ordered = g.OrderBy(l => l.Date).ThenBy(l => l.From).ThenBy(l => l.TaskId, StringComparer.Ordinal).ToList();
                return new FeeStatementSupervisor(g.Key, ordered[0].SupervisorName, ordered,
                    ordered.Count(l => l.Unit == FeeUnit.HalfDay), ordered.Count(l => l.Unit == FeeUnit.Day), ordered.Sum(l => l.Amount));
            })
            .OrderBy(s => s.SupervisorName, StringComparer.Ordinal).ThenBy(s => s.SupervisorId, StringComparer.Ordinal)
            .ToList();
        return new FeeStatement(year, month, supervisors, supervisors.Sum(s => s.Total), rule.Rule.Id, rule.Rule.Citation.ToString());
    }
}
