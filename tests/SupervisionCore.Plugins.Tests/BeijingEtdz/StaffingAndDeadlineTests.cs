using System.Globalization;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class StaffingRuleTests
{
    private static readonly IStaffingRule[] Rules = [new RecognitionStaffingRule(), new CompetitionStaffingRule()];

    private static TaskInfo Task(TaskKind kind, int candidates, string jurisdiction = "11.ETDZ") => new()
    {
        TaskId = "t-1", Kind = kind, Jurisdiction = JurisdictionCode.Parse(jurisdiction), InstitutionId = "i-1",
        ActivityDate = new DateOnly(2025, 5, 6), CandidateCount = candidates,
    };

    [Theory]
    [InlineData(TaskKind.Daily, 0, "bj.staffing.recognition", 2)]
    [InlineData(TaskKind.Daily, 200, "bj.staffing.recognition", 2)]
    [InlineData(TaskKind.Daily, 201, "bj.staffing.recognition", null)]
    [InlineData(TaskKind.AfterTheFact, 200, "bj.staffing.recognition", 2)]
    [InlineData(TaskKind.AfterTheFact, 201, "bj.staffing.recognition", null)]
    [InlineData(TaskKind.CompetitionInProgress, 200, "bj.staffing.competition", 2)]
    [InlineData(TaskKind.CompetitionInProgress, 201, "bj.staffing.competition", null)]
    [InlineData(TaskKind.CompetitionAfter, 200, "bj.staffing.competition", 2)]
    [InlineData(TaskKind.CompetitionAfter, 201, "bj.staffing.competition", null)]
    public void Two_external_supervisors_and_more_only_above_200(TaskKind kind, int candidates, string rule, int? allowed)
    {
        var (requirement, governing) = Staffing.For(Task(kind, candidates), Rules);
        governing.Id.ShouldBe(rule);
        requirement.Kind.ShouldBe(SupervisorKind.External);
        requirement.Required.ShouldBe(2);
        requirement.Allowed.ShouldBe(allowed);
        requirement.IsSatisfiedBy(1).ShouldBeFalse();
        requirement.IsSatisfiedBy(2).ShouldBeTrue();
        requirement.IsSatisfiedBy(3).ShouldBe(allowed is null);
    }

    [Theory]
    [InlineData(TaskKind.Special, "cn.special.group-size", 3)]
    [InlineData(TaskKind.AnnualInspection, "cn.special.group-size", 1)]
    public void Other_kinds_keep_the_national_rule(TaskKind kind, string rule, int required)
    {
        var (requirement, governing) = Staffing.For(Task(kind, 500), Rules);
        governing.Id.ShouldBe(rule);
        requirement.Required.ShouldBe(required);
    }

    [Fact]
    public void Outside_the_zone_the_national_rule_governs()
    {
        var (requirement, governing) = Staffing.For(Task(TaskKind.Daily, 100, "11"), Rules);
        governing.Id.ShouldBe("cn.special.group-size");
        requirement.Required.ShouldBe(1);
    }
}

public class DeadlinePolicyTests
{
    private static readonly ChinaWorkingDayCalendar Calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();

    private static readonly IDeadlinePolicy[] Policies = [new RecognitionRecordDeadline(), new InstitutionFeedbackDeadline(), new CompetitionRecordDeadline()];

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static IDeadlinePolicy Governing(TaskKind kind, DeadlineSubject subject) =>
        Policies.Where(p => p.Subject == subject).ForTaskKind(kind).ShouldHaveSingleItem();

    [Theory]
    // BJ 22 "5天内": calendar days, holidays included (the seed wins over RULES.md's "working days").
    [InlineData(TaskKind.Daily, DeadlineSubject.SupervisionRecord, "2024-05-13", "2024-05-18")]
    [InlineData(TaskKind.AfterTheFact, DeadlineSubject.SupervisionRecord, "2024-09-27", "2024-10-02")]
    [InlineData(TaskKind.Special, DeadlineSubject.InstitutionFeedback, "2024-09-27", "2024-10-02")]
    [InlineData(TaskKind.Daily, DeadlineSubject.InstitutionFeedback, "2024-12-30", "2025-01-04")]
    // BJ 26 "5个工作日内": working days of the official calendar (2024 National Day: 1–7 Oct off, Sun 29 Sep worked).
    [InlineData(TaskKind.CompetitionInProgress, DeadlineSubject.SupervisionRecord, "2024-05-13", "2024-05-20")]
    [InlineData(TaskKind.CompetitionAfter, DeadlineSubject.SupervisionRecord, "2024-09-27", "2024-10-10")]
    public void Records_and_feedback_are_due_after_5_days(TaskKind kind, DeadlineSubject subject, string end, string due)
    {
        var policy = Governing(kind, subject);
        policy.Rule.Id.ShouldBe("bj.record.deadline");
        policy.Rule.Citation.ToString().ShouldBe("BJ 22, 26");
        var deadline = policy.DueAfter(D(end), Calendar);
        deadline.Due.ShouldBe(D(due));
        deadline.Assumed.ShouldBeFalse();
    }

    [Fact]
    public void Recognition_deadlines_count_calendar_days_competition_working_days()
    {
        new RecognitionRecordDeadline().Allowed.ShouldBe(Deadline.InCalendarDays(5));
        new InstitutionFeedbackDeadline().Allowed.ShouldBe(Deadline.InCalendarDays(5));
        new CompetitionRecordDeadline().Allowed.ShouldBe(Deadline.InWorkingDays(5));
        // A calendar-day deadline needs no published arrangement: 2031 is not published, still not assumed.
        new RecognitionRecordDeadline().DueAfter(D("2031-01-01"), Calendar).ShouldBe(new WorkingDayDeadline(D("2031-01-06"), false));
        new CompetitionRecordDeadline().DueAfter(D("2031-01-01"), Calendar).Assumed.ShouldBeTrue();
    }

    [Fact]
    public void Competitions_have_no_BJ_feedback_deadline() =>
        Policies.Where(p => p.Subject == DeadlineSubject.InstitutionFeedback).ForTaskKind(TaskKind.CompetitionAfter).ShouldBeEmpty();

    [Fact]
    public void Annual_inspections_have_no_BJ_deadline() =>
        Policies.ForTaskKind(TaskKind.AnnualInspection).ShouldBeEmpty();
}
