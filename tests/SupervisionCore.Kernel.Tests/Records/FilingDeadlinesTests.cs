using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Records;

public class FilingDeadlinesTests
{
    /// <summary>A deadline policy as a pack would write one: N working days after the end, on the given calendar.</summary>
    private sealed record Policy(string PackId, JurisdictionCode Scope, RuleDescriptor Rule, DeadlineSubject Subject, int WorkingDaysAllowed) : IDeadlinePolicy
    {
        public Deadline Allowed => Deadline.InWorkingDays(WorkingDaysAllowed);
    }

    private static Policy Make(string id, string scope, DeadlineSubject subject, int days, string from = "2020-01-01", string? to = null) =>
        new(id.Split('.')[0], JurisdictionCode.Parse(scope),
            new RuleDescriptor(id, new LocalizedText("时限", "deadline"), new Citation("X", "1", "第一条"), JurisdictionCode.Parse(scope),
                id.Split('.')[0], D(from), to is null ? null : D(to)),
            subject, days);

    private const DeadlineSubject Record = DeadlineSubject.SupervisionRecord;
    private const DeadlineSubject Feedback = DeadlineSubject.InstitutionFeedback;

    private static readonly Policy[] Policies =
    [
        Make("gd.record.deadline", "44", Record, 5),
        Make("gd.feedback.deadline", "44", Feedback, 5),
        Make("gdcity.record.deadline", "44.A", Record, 3),
        Make("bj.record.deadline", "11.ETDZ", Record, 5),
        Make("yn.record.deadline", "53", Record, 10, to: "2023-12-31"),
        Make("yn.record.deadline-2024", "53", Record, 7, from: "2024-01-01"),
    ];

    [Theory]
    [InlineData("Province_policy_governs_its_cities", "44.B", Record, "2025-06-10", "gd.record.deadline")]
    [InlineData("City_policy_beats_its_province", "44.A", Record, "2025-06-10", "gdcity.record.deadline")]
    [InlineData("Subject_is_matched", "44.A", Feedback, "2025-06-10", "gd.feedback.deadline")]
    [InlineData("Zone_policy_applies_in_the_zone", "11.ETDZ", Record, "2025-06-10", "bj.record.deadline")]
    [InlineData("Zone_policy_does_not_apply_in_its_province", "11", Record, "2025-06-10", null)]
    [InlineData("No_policy_for_feedback_in_the_zone", "11.ETDZ", Feedback, "2025-06-10", null)]
    [InlineData("National_alone_sets_no_period", "31", Record, "2025-06-10", null)]
    [InlineData("Old_version_on_its_last_day", "53", Record, "2023-12-31", "yn.record.deadline")]
    [InlineData("New_version_on_its_first_day", "53", Record, "2024-01-01", "yn.record.deadline-2024")]
    [InlineData("Nothing_in_force_before_the_rule", "44", Record, "2019-12-31", null)]
    public void Governing_picks_the_most_specific_policy_in_force(string name, string where, DeadlineSubject subject, string end, string? expected)
    {
        FilingDeadlines.Governing(Policies, subject, JurisdictionCode.Parse(where), D(end))?.Rule.Id.ShouldBe(expected, customMessage: name);
        (FilingDeadlines.Governing(Policies, subject, JurisdictionCode.Parse(where), D(end)) is null).ShouldBe(expected is null, name);
    }

    [Fact]
    public void Overlapping_versions_of_one_scope_the_later_one_wins()
    {
        Policy[] both = [Make("x.old", "44", Record, 5), Make("x.new", "44", Record, 3, from: "2024-01-01")];
        FilingDeadlines.Governing(both, Record, JurisdictionCode.Parse("44"), D("2024-06-01"))!.Rule.Id.ShouldBe("x.new");
        FilingDeadlines.Governing(both.Reverse(), Record, JurisdictionCode.Parse("44"), D("2024-06-01"))!.Rule.Id.ShouldBe("x.new");
    }

    [Theory]
    // 2025-06-10 is a Tuesday: 5 working days after it is Tuesday 17 June.
    [InlineData("Five_working_days_over_a_weekend", "2025-06-10", "2025-06-17", false)]
    // 2025-09-30: National Day 1–8 October off, 11 October (Saturday) worked: 9, 10, 11, 13, 14 October.
    [InlineData("Holidays_and_adjusted_working_days_count_as_published", "2025-09-30", "2025-10-14", false)]
    // 2026-12-28: 2027 has no published arrangement.
    [InlineData("A_year_without_arrangement_is_assumed", "2026-12-28", "2027-01-04", true)]
    public void For_counts_working_days_after_the_end_on_the_calendar(string name, string end, string due, bool assumed)
    {
        _ = name;
        var deadline = FilingDeadlines.For(Policies, Record, JurisdictionCode.Parse("44"), D(end), ChinaWorkingDayCalendar.WithPublishedArrangements());
        deadline.Due.ShouldBe(D(due));
        deadline.Assumed.ShouldBe(assumed);
        deadline.Rule!.Id.ShouldBe("gd.record.deadline");
        deadline.WorkingDaysAllowed.ShouldBe(5);
    }

    [Theory]
    [InlineData("2025-06-16", false)]
    [InlineData("2025-06-17", false)]
    [InlineData("2025-06-18", true)]
    public void Late_only_after_the_due_day(string filedOn, bool late) =>
        FilingDeadlines.For(Policies, Record, JurisdictionCode.Parse("44"), D("2025-06-10"), ChinaWorkingDayCalendar.WithPublishedArrangements())
            .IsLate(D(filedOn)).ShouldBe(late);

    [Theory]
    [InlineData("2025-06-10")]
    [InlineData("2099-12-31")]
    public void Without_a_policy_nothing_is_due_and_nothing_is_late(string filedOn)
    {
        var deadline = FilingDeadlines.For(Policies, Record, JurisdictionCode.Parse("31"), D("2025-06-10"), ChinaWorkingDayCalendar.WithPublishedArrangements());
        deadline.ShouldBe(FilingDeadline.None(Record));
        deadline.IsLate(D(filedOn)).ShouldBeFalse();
    }
}
