using System.Globalization;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

/// <summary>BJ rules reading dated parameters (docs/parameters.md): a value changed from a day applies from that day only.</summary>
public class ParameterisedRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static ParameterSet Changed(string id, string from, string value) => ParameterSet.Of(BeijingEtdzParameters.All,
        new[] { (id, new ParameterValue(D(from), value, "test", Added: true)) }.ToLookup(p => p.id, p => p.Item2));

    private static TaskInfo Task(TaskKind kind, string date, int candidates) => new()
    {
        TaskId = "t", Kind = kind, Jurisdiction = BeijingEtdzRules.Jurisdiction, InstitutionId = "i", ActivityDate = D(date), CandidateCount = candidates,
    };

    [Theory]
    // A man born 1965-06-01 is 65 until 2031-05-31 and 66 from 2031-06-01. The limit is raised to 66 from 2031-06-01.
    [InlineData("Day_before_the_change_at_65", "2031-05-31", true)]
    [InlineData("Day_of_the_change_at_66", "2031-06-01", true)]
    [InlineData("Day_after_the_change_at_66", "2031-06-02", true)]
    [InlineData("At_67_after_the_change", "2032-06-01", false)]
    public void A_raised_age_limit_applies_from_its_date(string name, string on, bool eligible)
    {
        var rule = new AgeLimitRule().With(Changed("bj.eligibility.age.max-men", "2031-06-01", "66"));
        var candidate = new CandidateInfo { Sex = Sex.Male, BirthDate = D("1965-06-01") };
        var outcome = rule.Check(candidate, D(on));
        outcome.Passed.ShouldBe(eligible, name);
        if (!eligible) outcome.Violations.ShouldHaveSingleItem().Message.En.ShouldContain("bj.eligibility.age.max-men = 66 (2031-06-01)");
        // Without the change, 66 is refused and the refusal cites the seed's value and date.
        if (on == "2031-06-01")
            new AgeLimitRule().Check(candidate, D(on)).Violations.ShouldHaveSingleItem().Message.Zh.ShouldContain("bj.eligibility.age.max-men = 65 (2023-01-01)");
    }

    [Theory]
    // The threshold for more supervisors is lowered to 100 candidates from 2031-01-01.
    [InlineData("Day_before_the_change", "2030-12-31", 150, 2)]
    [InlineData("Day_of_the_change", "2031-01-01", 150, null)]
    [InlineData("At_the_new_threshold", "2031-01-02", 100, 2)]
    [InlineData("Above_the_new_threshold", "2031-01-02", 101, null)]
    public void A_changed_staffing_threshold_applies_from_the_activitys_date(string name, string date, int candidates, int? allowed)
    {
        var rule = new RecognitionStaffingRule().With(Changed("bj.staffing.recognition.candidates-for-more", "2031-01-01", "100"));
        var requirement = rule.RequirementFor(Task(TaskKind.Daily, date, candidates)).ShouldNotBeNull();
        requirement.Required.ShouldBe(2, name);
        requirement.Allowed.ShouldBe(allowed, name);
        // The competition rule has its own parameters (BJ 26), unchanged.
        new CompetitionStaffingRule().With(Changed("bj.staffing.recognition.candidates-for-more", "2031-01-01", "100"))
            .RequirementFor(Task(TaskKind.CompetitionInProgress, date, 150)).ShouldNotBeNull().Allowed.ShouldBe(2);
    }

    [Theory]
    // Recognition records: 5 calendar days, 7 for supervisions ending from 2031-03-01.
    [InlineData("Ending_the_day_before", "2031-02-28", "2031-03-05", 5)]
    [InlineData("Ending_the_day_of", "2031-03-01", "2031-03-08", 7)]
    public void A_changed_deadline_applies_to_supervisions_ending_from_its_date(string name, string end, string due, int days)
    {
        var set = Changed("bj.record.deadline.recognition-days", "2031-03-01", "7");
        var calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();
        var policy = new RecognitionRecordDeadline().With(set.AsOf(D(end)));
        policy.DueAfter(D(end), calendar).Due.ShouldBe(D(due), name);
        policy.Allowed.ShouldBe(Deadline.InCalendarDays(days), name);
        new InstitutionFeedbackDeadline().With(set).DueAfter(D(end), calendar).Due.ShouldBe(D(due), name);
    }

    [Fact]
    public void The_parameters_are_sound_and_their_defaults_are_the_seeds_numbers()
    {
        BeijingEtdzParameters.All.Select(p => p.Id).ShouldBeUnique();
        var defaults = ParameterSet.Empty;
        var on = D("2025-01-01");
        defaults.At(BeijingEtdzParameters.AgeMaxMen, on).AsInt().ShouldBe(65);
        defaults.At(BeijingEtdzParameters.AgeMaxWomen, on).AsInt().ShouldBe(60);
        defaults.At(BeijingEtdzParameters.StaffingRecognitionMinimum, on).AsInt().ShouldBe(2);
        defaults.At(BeijingEtdzParameters.StaffingCompetitionForMore, on).AsInt().ShouldBe(200);
        defaults.At(BeijingEtdzParameters.RecognitionRecordDays, on).AsDays().ShouldBe(TimeSpan.FromDays(5));
        defaults.At(BeijingEtdzParameters.CompetitionRecordWorkingDays, on).AsInt().ShouldBe(5);
        BeijingEtdzParameters.All.ShouldAllBe(p => p.Defaults.Single().EffectiveFrom == BeijingEtdzRules.EffectiveFrom);
        JurisdictionCode.Parse("11.ETDZ").ShouldBe(new BeijingEtdzParameters().Scope);
    }
}
