using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Dispatch;

public class DispatchRulesTests
{
    private static readonly DispatchStanding Good = new()
    {
        Terms = [new AppointmentTerm(D("2021-06-01"))],
        Card = new CardStanding("R44210001", D("2021-05-20")),
    };

    public static TheoryData<string, DispatchStanding, string, string[]> Standings => new()
    {
        // CN 8: drawn from card holders; an appointment is "也可" (a pack's choice: BJ 11, YN 18), never a national condition.
        { "Card_holder_on_the_last_day_of_the_term", Good, "2024-05-31", [] },
        { "Card_holder_the_day_after_the_term_expired", Good, "2024-06-01", [] },
        { "Card_holder_without_appointment", Good with { Terms = [] }, "2022-01-10", [] },
        { "Refuses_without_card", Good with { Card = null }, "2022-01-10", ["cn.dispatch.random"] },
        { "Refuses_before_card_issue", Good with { Card = new CardStanding("R44210001", D("2022-01-11")) }, "2022-01-10", ["cn.dispatch.random"] },
        { "Refuses_on_the_day_the_card_is_withdrawn", Good with { Card = new CardStanding("R44210001", D("2021-05-20"), D("2022-01-10")) }, "2022-01-10", ["cn.dispatch.random"] },
        { "Card_valid_the_day_before_withdrawal", Good with { Card = new CardStanding("R44210001", D("2021-05-20"), D("2022-01-11")) }, "2022-01-10", [] },
        { "Refuses_on_the_last_day_of_a_suspension", Good with { Suspensions = [new DateRange(D("2022-01-01"), D("2022-01-10"))] }, "2022-01-10", ["cn.dispatch.random"] },
        { "Allows_the_day_after_a_suspension", Good with { Suspensions = [new DateRange(D("2022-01-01"), D("2022-01-09"))] }, "2022-01-10", [] },
        { "Refuses_after_revocation", Good with { QualificationRevokedOn = D("2022-01-10") }, "2022-01-10", ["cn.dispatch.random"] },
        { "Allows_before_revocation", Good with { QualificationRevokedOn = D("2022-01-11") }, "2022-01-10", [] },
        { "Refuses_when_banned", Good with { BannedOn = D("2021-12-01") }, "2022-01-10", ["cn.dispatch.random"] },
        { "Refuses_on_the_day_of_dismissal", Good with { DismissedOn = D("2022-01-10") }, "2022-01-10", ["cn.dispatch.random"] },
        { "Allows_the_day_before_dismissal", Good with { DismissedOn = D("2022-01-11") }, "2022-01-10", [] },
        { "Renewed_term_counts", Good with { Terms = [new AppointmentTerm(D("2021-06-01")), new AppointmentTerm(D("2024-06-01"))] }, "2024-06-01", [] },
        {
            "Returns_every_reason", new DispatchStanding { Suspensions = [DateRange.Day(D("2022-01-10"))], BannedOn = D("2022-01-10") }, "2022-01-10",
            ["cn.dispatch.random", "cn.dispatch.random", "cn.dispatch.random"]
        },
    };

    [Theory]
    [MemberData(nameof(Standings))]
    public void Dispatchability(string name, DispatchStanding standing, string day, string[] rules) =>
        new DispatchabilityRule().Check(standing, D(day)).Violations.Select(v => v.Rule).ShouldBe(rules, name);

    private static TaskInfo Task(string institution = "inst-1", string? activity = "act-1") => new()
    {
        TaskId = "task-1", Kind = TaskKind.Daily, Jurisdiction = JurisdictionCode.Parse("44"),
        InstitutionId = institution, ActivityId = activity, ActivityDate = D("2022-01-10"),
    };

    [Theory]
    [InlineData("Refuses_declared_conflict", "inst-1", true)]
    [InlineData("Conflict_with_another_institution", "inst-2", false)]
    [InlineData("Ids_compare_exactly", "INST-1", false)]
    public void Conflict_excludes(string name, string conflict, bool excluded)
    {
        var candidate = new CandidateInfo { SupervisorId = "s-1", ConflictInstitutionIds = [conflict] };
        var exclusion = new RecusalConflictRule().Evaluate(new DispatchContext(candidate, Task(), []));
        (exclusion is not null).ShouldBe(excluded, name);
        if (exclusion is not null)
        {
            exclusion.RuleId.ShouldBe("cn.recusal.conflict");
            exclusion.SupervisorId.ShouldBe("s-1");
            exclusion.Violation.Citation.ShouldBe("CN 16");
        }
    }

    [Theory]
    [InlineData("Refuses_examiner_of_the_same_activity", "act-1", "act-1", true)]
    [InlineData("Examiner_of_another_activity", "act-2", "act-1", false)]
    [InlineData("Task_without_activity", "act-1", null, false)]
    public void Examiner_of_the_same_activity_is_excluded(string name, string examinerOf, string? activity, bool excluded)
    {
        var candidate = new CandidateInfo { SupervisorId = "s-1", ExaminerActivityIds = [examinerOf] };
        var exclusion = new RecusalExaminerRule().Evaluate(new DispatchContext(candidate, Task(activity: activity), []));
        (exclusion?.RuleId).ShouldBe(excluded ? "cn.recusal.examiner" : null, name);
    }

    [Fact]
    public void Dispatch_judgement_records_every_reason()
    {
        var candidate = new CandidateInfo { SupervisorId = "s-9", ConflictInstitutionIds = ["inst-1"], ExaminerActivityIds = ["act-1"] };
        var outcome = DispatchJudgement.Judge(new DispatchScreen(Task(), [], []),
            new DispatchFacts { Role = SupervisorKind.External, Candidate = candidate, Standing = Good with { Card = null } });
        outcome.Violations.Select(e => e.Rule).ShouldBe(["cn.dispatch.random", "cn.recusal.conflict", "cn.recusal.examiner"]);
    }

    [Fact]
    public void A_dispatchable_candidate_passes() =>
        DispatchJudgement.Judge(new DispatchScreen(Task(), [], []),
            new DispatchFacts { Role = SupervisorKind.External, Candidate = new CandidateInfo { SupervisorId = "s-1" }, Standing = Good }).Passed.ShouldBeTrue();

    [Fact]
    public void A_candidate_without_id_is_a_caller_error() =>
        Should.Throw<ArgumentException>(() => new RecusalConflictRule().Evaluate(
            new DispatchContext(new CandidateInfo { ConflictInstitutionIds = ["inst-1"] }, Task(), [])));
}
