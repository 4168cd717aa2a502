using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Records;

/// <summary>
/// 时限 (filing deadline) of a record or an institution's feedback, as the governing <see cref="IDeadlinePolicy"/> sets it.
/// CN 第十条 requires the written report (<c>cn.report.required</c>) but sets no period: where no policy governs,
/// <see cref="Due"/> is null, the filing is not due by a date and is never late.
/// </summary>
/// <param name="Subject">What is filed.</param>
/// <param name="Rule">The deadline rule applied (<c>gd.record.deadline</c>), or null when none governs.</param>
/// <param name="WorkingDaysAllowed">Working days allowed after the end of the supervision, or null.</param>
/// <param name="Due">Last day in time (China date), or null when no period is set.</param>
/// <param name="Assumed">True when the due date crossed a year without a published holiday arrangement (Mon–Fri assumed).</param>
public sealed record FilingDeadline(DeadlineSubject Subject, RuleDescriptor? Rule, int? WorkingDaysAllowed, DateOnly? Due, bool Assumed)
{
    /// <summary>The period in calendar days, when the governing policy counts calendar days rather than working days.</summary>
    public int? CalendarDaysAllowed { get; init; }

    /// <summary>No period set (CN alone).</summary>
    public static FilingDeadline None(DeadlineSubject subject) => new(subject, null, null, null, false);

    /// <summary>
    /// True when a filing on <paramref name="filedOn"/> (China date) is after the due date. Late filing is flagged,
    /// never refused (GD 20, BJ 22/26: the filing is kept).
    /// </summary>
    public bool IsLate(DateOnly filedOn) => Due is { } due && filedOn > due;
}

/// <summary>Choosing the deadline policy that governs a filing, among the kernel's and the enabled packs'.</summary>
public static class FilingDeadlines
{
    /// <summary>
    /// The policy for <paramref name="subject"/> that governs a supervision in <paramref name="where"/> ending on
    /// <paramref name="end"/>: among the policies for that subject whose scope contains the place and whose rule is in
    /// force on the end day (the day the period starts running), the most specific scope wins (a sub-jurisdiction beats its
    /// province, a province beats CN); between versions of the same scope the one in force from the later day wins (a
    /// change of law is a new version beside the old one), then the rule id in ordinal order, so the choice is
    /// deterministic. Null when none applies.
    /// </summary>
    public static IDeadlinePolicy? Governing(IEnumerable<IDeadlinePolicy> policies, DeadlineSubject subject, JurisdictionCode where, DateOnly end) =>
        Governing(policies, subject, where, end, null);

    /// <summary>
    /// As <see cref="Governing(IEnumerable{IDeadlinePolicy}, DeadlineSubject, JurisdictionCode, DateOnly)"/>, for a task of
    /// <paramref name="kind"/>: policies that declare the task kinds they govern (<see cref="IDeadlinePolicy.AppliesTo"/>, e.g. BJ 22
    /// recognition vs BJ 26 competition records) apply only to those kinds.
    /// </summary>
    public static IDeadlinePolicy? Governing(IEnumerable<IDeadlinePolicy> policies, DeadlineSubject subject, JurisdictionCode where, DateOnly end, TaskKind? kind)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var forSubject = policies.Where(p => p.Subject == subject);
        if (kind is { } k) forSubject = forSubject.ForTaskKind(k);
        return forSubject.Applicable(where, end)
            .OrderByDescending(p => Depth(p.Scope))
            .ThenByDescending(p => p.Rule.EffectiveFrom)
            .ThenBy(p => p.Rule.Id, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    /// <summary>The deadline of a filing for a supervision in <paramref name="where"/> ending on <paramref name="end"/> (China date).</summary>
    public static FilingDeadline For(IEnumerable<IDeadlinePolicy> policies, DeadlineSubject subject, JurisdictionCode where, DateOnly end, IWorkingDayCalendar calendar, TaskKind? kind = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (Governing(policies, subject, where, end, kind) is not { } policy) return FilingDeadline.None(subject);
        var due = policy.DueAfter(end, calendar);
        // A period in calendar days (BJ 22 "5天内") is not a number of working days.
        return policy.Allowed.Unit == DeadlineUnit.CalendarDays
            ? new FilingDeadline(subject, policy.Rule, null, due.Due, due.Assumed) { CalendarDaysAllowed = policy.Allowed.Count }
            : new FilingDeadline(subject, policy.Rule, policy.Allowed.Count, due.Due, due.Assumed);
    }

    private static int Depth(JurisdictionCode code) => code.IsNational ? 0 : code.IsSubJurisdiction ? 2 : 1;
}
