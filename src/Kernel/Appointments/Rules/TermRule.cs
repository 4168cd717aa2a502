using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Appointments.Rules;

/// <summary>
/// 聘期 (term): an appointment lasts 3 years and ends by itself (聘期3年，聘期届满自动解聘). CN 第八条
/// (<c>cn.appointment.term</c>).
/// <para>Reading: a term starting on day S ends on the day before the same calendar date three years later
/// (S + 3 years − 1 day), both days included; a term starting on 29 February ends on 28 February three years later
/// (the anniversary of 29 February in a common year is 1 March, as for 周岁). A renewal is the next term and starts
/// after the previous one's last day; terms never overlap.</para>
/// </summary>
public sealed class TermRule : IRuleExtension
{
    /// <summary>Years in a term.</summary>
    public const int TermYears = 3;

    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.AppointmentTerm;

    /// <summary>The last day of a term starting on <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start)
    {
        var year = start.Year + TermYears;
        var anniversary = start is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, start.Month, start.Day);
        return anniversary.AddDays(-1);
    }

    /// <summary>The first day of the renewal term after a full term starting on <paramref name="start"/>.</summary>
    public static DateOnly RenewalStart(DateOnly start) => EndOf(start).AddDays(1);

    /// <summary>Judges a proposed end date: it must be <see cref="EndOf"/> the start.</summary>
    public RuleOutcome CheckEnd(DateOnly start, DateOnly end) =>
        end == EndOf(start)
            ? RuleOutcome.Pass
            : RuleOutcome.Fail(Rule.Violated(new LocalizedText(
                $"聘期3年：自{start:yyyy-MM-dd}起的聘期至{EndOf(start):yyyy-MM-dd}届满，不是{end:yyyy-MM-dd}",
                $"A term is 3 years: a term from {start:yyyy-MM-dd} ends on {EndOf(start):yyyy-MM-dd}, not {end:yyyy-MM-dd}")));

    /// <summary>Judges a new term starting on <paramref name="start"/> against the earlier terms: it may not overlap any.</summary>
    public RuleOutcome CheckNoOverlap(IEnumerable<AppointmentTerm> earlier, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new RuleOutcome(earlier
            .Where(t => t.Start <= start ? start <= t.LastDay : t.Start <= EndOf(start))
            .OrderBy(t => t.Start)
            .Select(t => Rule.Violated(new LocalizedText(
                $"新聘期（{start:yyyy-MM-dd}起）与{t.Start:yyyy-MM-dd}至{t.LastDay:yyyy-MM-dd}的聘期重叠；续聘自上一聘期届满次日起",
                $"The new term (from {start:yyyy-MM-dd}) overlaps the term {t.Start:yyyy-MM-dd} to {t.LastDay:yyyy-MM-dd}; a renewal starts the day after the previous term ends")))
            .ToList());
    }

    /// <summary>Judges whether <paramref name="term"/> holds on <paramref name="day"/> (the date of an act such as a dispatch).</summary>
    public RuleOutcome CheckActiveOn(AppointmentTerm term, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(term);
        return term.StatusOn(day) switch
        {
            AppointmentStatus.Active => RuleOutcome.Pass,
            AppointmentStatus.NotStarted => Fail($"聘期自{term.Start:yyyy-MM-dd}开始，{day:yyyy-MM-dd}尚未开始",
                $"The term starts on {term.Start:yyyy-MM-dd}; it has not started on {day:yyyy-MM-dd}"),
            AppointmentStatus.Expired => Fail($"聘期已于{term.End:yyyy-MM-dd}届满，自动解聘",
                $"The term ended by itself on {term.End:yyyy-MM-dd}"),
            _ => Fail($"聘任已于{term.TerminatedOn:yyyy-MM-dd}提前终止",
                $"The appointment was ended early with effect from {term.TerminatedOn:yyyy-MM-dd}"),
        };
    }

    /// <summary>Judges whether any of <paramref name="terms"/> holds on <paramref name="day"/>; the reason names the latest term.</summary>
    public RuleOutcome CheckAnyActiveOn(IReadOnlyCollection<AppointmentTerm> terms, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Any(t => t.IsActiveOn(day))) return RuleOutcome.Pass;
        var latest = terms.Where(t => t.Start <= day).MaxBy(t => t.Start) ?? terms.MinBy(t => t.Start);
        return latest is null
            ? Fail("无聘任记录", "There is no appointment")
            : CheckActiveOn(latest, day);
    }

    private RuleOutcome Fail(string zh, string en) => RuleOutcome.Fail(Rule.Violated(new LocalizedText(zh, en)));
}
