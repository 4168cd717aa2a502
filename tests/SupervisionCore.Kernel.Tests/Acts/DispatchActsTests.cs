using SupervisionCore.Kernel.Acts;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Dispatch.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Procedures;
using SupervisionCore.Kernel.Rules;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Acts;

/// <summary>The dispatch acts at their boundaries: every path to a dispatch is judged by the same functions.</summary>
public class DispatchActsTests
{
    private static readonly DateOnly Day = D("2025-03-10");

    private static TaskInfo Task(TaskKind kind = TaskKind.Daily, string where = "44", int candidates = 40) => new()
    {
        TaskId = "t-1", Kind = kind, Jurisdiction = JurisdictionCode.Parse(where), InstitutionId = "inst-1", ActivityId = "act-1", ActivityDate = Day,
        CandidateCount = candidates,
    };

    private static readonly DispatchStanding Holder = new() { Card = new CardStanding("R44240001", D("2024-01-01")) };

    private static DispatchFacts External(DispatchStanding? standing = null, CandidateInfo? candidate = null) => new()
    {
        Role = SupervisorKind.External, Candidate = candidate ?? new CandidateInfo { SupervisorId = "s-1", Kind = SupervisorKind.External }, Standing = standing ?? Holder,
    };

    private static DispatchFacts Internal(string institution) => new()
    {
        Role = SupervisorKind.Internal, Candidate = new CandidateInfo { SupervisorId = "s-2", Kind = SupervisorKind.Internal, InstitutionId = institution }, Standing = Holder,
    };

    private static StaffingFacts Staff(int required, int? allowed, RuleDescriptor? rule = null) =>
        new(new StaffingRequirement(SupervisorKind.External, required, allowed), rule ?? NationalRules.SpecialGroupSize);

    private static string[] Rules(IEnumerable<Violation> violations) => [.. violations.Select(v => v.Rule)];

    // ---- draws: an explicit count is held to the staffing rule on every side ----

    public static TheoryData<string, int, int?, int?, int, int, string[]> DrawCounts => new()
    {
        // name, required, allowed, requested, kept, pool, violated rules
        { "Special_group_of_2_is_refused", 3, null, 2, 0, 50, ["cn.special.group-size"] },
        { "Special_group_of_3_is_drawn", 3, null, 3, 0, 50, [] },
        { "Default_count_is_the_need", 3, null, null, 0, 50, [] },
        { "Default_count_takes_the_kept_ones_into_account", 3, null, null, 2, 50, [] },
        { "Kept_manual_assignments_count_towards_the_minimum", 3, null, 1, 2, 50, [] },
        { "Recognition_task_with_1_is_refused", 2, 2, 1, 0, 50, ["cn.special.group-size"] },
        { "Exactly_the_maximum_is_drawn", 2, 2, 2, 0, 50, [] },
        { "One_above_the_maximum_is_refused", 2, 2, 3, 0, 50, ["cn.special.group-size"] },
        { "Above_the_maximum_with_kept_ones_is_refused", 2, 2, 1, 2, 50, ["cn.special.group-size"] },
        { "A_pool_one_short_is_refused", 3, null, 3, 0, 2, ["cn.special.group-size"] },
        { "A_pool_of_exactly_the_count_is_drawn", 3, null, 3, 0, 3, [] },
    };

    [Theory]
    [MemberData(nameof(DrawCounts))]
    public void Draw_count(string name, int required, int? allowed, int? requested, int kept, int pool, string[] rules)
    {
        var decision = DrawDecision.Decide(new DrawFacts
        {
            TaskState = TaskState.Planned, Staffing = Staff(required, allowed), RequestedCount = requested, KeptAssignments = kept, PoolSize = pool, Seed = "00", Matters = SpecialMatters,
        });
        Rules(decision.Violations).ShouldBe(rules, name);
        decision.Allowed.ShouldBe(rules.Length == 0, name);
    }

    [Fact]
    public void A_draw_moves_a_planned_task_to_drawn_and_leaves_a_started_one_in_progress()
    {
        DrawFacts Facts(TaskState state) => new() { TaskState = state, Staffing = Staff(1, null), PoolSize = 5, Seed = "00", Matters = SpecialMatters };
        DrawDecision.Decide(Facts(TaskState.Planned)).Transition!.TaskState.ShouldBe(TaskState.Drawn);
        DrawDecision.Decide(Facts(TaskState.InProgress)).Transition!.TaskState.ShouldBe(TaskState.InProgress);
    }

    [Theory]
    [InlineData("Matching_seed", "aa", true)]
    [InlineData("Other_seed", "ab", false)]
    [InlineData("No_seed", null, false)]
    public void An_announced_draw_needs_its_seed(string name, string? seed, bool allowed)
    {
        var decision = DrawDecision.Decide(new DrawFacts
        {
            TaskState = TaskState.Planned, Staffing = Staff(1, null), PoolSize = 5, AnnouncedCommitment = VerifiableDraw.CommitmentOf("aa"), Seed = seed, Matters = SpecialMatters,
        });
        decision.Allowed.ShouldBe(allowed, name);
        if (!allowed) Rules(decision.Violations).ShouldBe(["cn.dispatch.random"], name);
    }

    // ---- manual assignments: internal supervisors get every check an external one gets ----

    public static TheoryData<string, DispatchFacts, int, string[]> Manual => new()
    {
        { "External_card_holder", External(), 0, [] },
        { "Internal_supervisor_of_the_institution", Internal("inst-1"), 0, [] },
        { "Internal_supervisor_of_another_institution", Internal("inst-2"), 0, ["cn.supervisor.kinds"] },
        { "Internal_supervisor_as_external", External(candidate: new CandidateInfo { SupervisorId = "s-2", Kind = SupervisorKind.Internal, InstitutionId = "inst-1" }), 0, ["cn.supervisor.kinds"] },
        { "Internal_with_a_conflict", Internal("inst-1") with { Candidate = Internal("inst-1").Candidate with { ConflictInstitutionIds = ["inst-1"] } }, 0, ["cn.recusal.conflict"] },
        { "Internal_examiner_of_the_activity", Internal("inst-1") with { Candidate = Internal("inst-1").Candidate with { ExaminerActivityIds = ["act-1"] } }, 0, ["cn.recusal.examiner"] },
        { "Internal_without_card", Internal("inst-1") with { Standing = new DispatchStanding() }, 0, ["cn.dispatch.random"] },
        { "Internal_revoked_the_day_before", Internal("inst-1") with { Standing = Holder with { QualificationRevokedOn = Day.AddDays(-1) } }, 0, ["cn.dispatch.random"] },
        { "External_dismissed_that_day", External(Holder with { DismissedOn = Day }), 0, ["cn.dispatch.random"] },
        { "External_barred", External(Holder with { BannedOn = Day }), 0, ["cn.dispatch.random"] },
        { "Third_external_where_2_are_allowed", External(), 2, ["cn.special.group-size"] },
        { "Second_external_where_2_are_allowed", External(), 1, [] },
        { "An_internal_one_is_not_counted_against_the_external_maximum", Internal("inst-1"), 2, [] },
    };

    [Theory]
    [MemberData(nameof(Manual))]
    public void Manual_assignment(string name, DispatchFacts facts, int live, string[] rules)
    {
        var decision = ManualAssignmentDecision.Decide(new DispatchScreen(Task(), [], []),
            new ManualAssignmentFacts { Dispatch = facts, Staffing = Staff(2, 2), LiveAssignments = live, Matters = SpecialMatters });
        Rules(decision.Violations).ShouldBe(rules, name);
        if (decision.Allowed) decision.Transition.State.ShouldBe(AssignmentState.Invited);
    }

    // ---- cn.special.matters (CN 15 "督导前，应当明确督导事项，成立督导小组"): no group before the matters ----

    private static readonly TaskMatters SpecialMatters = new(TaskKind.Special, ["考务管理"]);

    public static TheoryData<string, TaskMatters, string[]> GroupMatters => new()
    {
        { "Special_task_with_one_matter", new(TaskKind.Special, ["考务管理"]), [] },
        { "Special_task_without_matters", new(TaskKind.Special, []), ["cn.special.matters"] },
        { "Special_task_with_only_blank_matters", new(TaskKind.Special, ["", "  "]), ["cn.special.matters"] },
        { "Daily_task_without_matters", new(TaskKind.Daily, []), [] },
    };

    [Theory]
    [MemberData(nameof(GroupMatters))]
    public void A_draw_for_a_special_task_needs_its_matters(string name, TaskMatters matters, string[] rules)
    {
        var decision = DrawDecision.Decide(new DrawFacts { TaskState = TaskState.Planned, Staffing = Staff(3, null), PoolSize = 5, Seed = "00", Matters = matters });
        Rules(decision.Violations).ShouldBe(rules, name);
    }

    [Theory]
    [MemberData(nameof(GroupMatters))]
    public void A_manual_assignment_to_a_special_task_needs_its_matters(string name, TaskMatters matters, string[] rules)
    {
        var decision = ManualAssignmentDecision.Decide(new DispatchScreen(Task(), [], []),
            new ManualAssignmentFacts { Dispatch = External(), Staffing = Staff(2, 3), LiveAssignments = 0, Matters = matters });
        Rules(decision.Violations).ShouldBe(rules, name);
    }

    // ---- extension points a pack declares are run at dispatch ----

    private sealed class Stage(EligibilityStages stages) : IEligibilityRule
    {
        public string PackId => "zz";
        public JurisdictionCode Scope => JurisdictionCode.Parse("44");
        public RuleDescriptor Rule { get; } = new("zz.age", new("年龄", "age"), new Citation("ZZ", "1", "第一条"), JurisdictionCode.Parse("44"), "zz", D("2020-01-01"));
        public EligibilityStages Stages => stages;
        public RuleOutcome Check(EligibilityContext context) => RuleOutcome.Fail(Rule.Violated(new("不符合", "not eligible")));
    }

    [Theory]
    [InlineData("Dispatch_stage_rule_runs", EligibilityStages.Dispatch, "44", true)]
    [InlineData("Both_stages_rule_runs", EligibilityStages.Both, "44", true)]
    [InlineData("Appointment_only_rule_does_not_run", EligibilityStages.Appointment, "44", false)]
    [InlineData("Rule_outside_its_scope_does_not_run", EligibilityStages.Dispatch, "11", false)]
    public void Dispatch_stage_eligibility_is_honoured(string name, EligibilityStages stages, string where, bool runs)
    {
        var screen = new DispatchScreen(Task(where: where), [], [new Stage(stages)]);
        DispatchJudgement.Judge(screen, External()).Violations.Any(v => v.Rule == "zz.age").ShouldBe(runs, name);
    }

    private sealed class Appointed : AppointmentBeforeDispatchRule
    {
        public override string PackId => "zz";
        public override JurisdictionCode Scope => JurisdictionCode.Parse("44");
        public override RuleDescriptor Rule { get; } = new("zz.appointed", new("聘任制", "appointment"), new Citation("ZZ", "2", "第二条"), JurisdictionCode.Parse("44"), "zz", D("2020-01-01"));
    }

    [Theory]
    [InlineData("No_term", null, null, false)]
    [InlineData("Term_in_force", "2024-01-01", null, true)]
    [InlineData("Term_ended_the_day_before", "2022-03-10", null, false)]
    [InlineData("Last_day_of_the_term", "2022-03-11", null, true)]
    [InlineData("Terminated_that_day", "2024-01-01", "2025-03-10", false)]
    public void Appointment_before_dispatch_is_a_pack_choice(string name, string? start, string? terminated, bool allowed)
    {
        AppointmentTerm[] terms = start is null ? [] : [new AppointmentTerm(D(start), terminated is null ? null : D(terminated))];
        var facts = External(Holder with { Terms = terms });
        DispatchJudgement.Judge(new DispatchScreen(Task(), [], []), facts).Passed.ShouldBeTrue(name);
        DispatchJudgement.Judge(new DispatchScreen(Task(), [], [new Appointed()]), facts).Passed.ShouldBe(allowed, name);
    }

    // ---- answers ----

    [Fact]
    public void An_acceptance_is_judged_again_and_starts_the_task()
    {
        var screen = new DispatchScreen(Task(), [], []);
        AnswerFacts Facts(DispatchStanding standing, TaskState state) => new()
        {
            Response = DispatchResponse.Accepted, TaskState = state, Dispatch = External(standing),
            Answer = new DispatchAnswer("s-1", SupervisorKind.External, JurisdictionCode.Parse("44"), Day, DispatchResponse.Accepted, []),
        };
        var accepted = AnswerDecision.Decide(screen, Facts(Holder, TaskState.Drawn), []);
        accepted.Transition!.State.ShouldBe(AssignmentState.Accepted);
        accepted.Transition.TaskState.ShouldBe(TaskState.InProgress);
        AnswerDecision.Decide(screen, Facts(Holder, TaskState.InProgress), []).Transition!.TaskState.ShouldBe(TaskState.InProgress);
        var suspended = AnswerDecision.Decide(screen, Facts(Holder with { Suspensions = [Kernel.Calendar.DateRange.Day(Day)] }, TaskState.Drawn), []);
        Rules(suspended.Violations).ShouldBe(["cn.dispatch.random"]);
    }

    [Fact]
    public void A_refusal_is_always_recorded_even_for_someone_no_longer_dispatchable()
    {
        var decision = AnswerDecision.Decide(new DispatchScreen(Task(), [], []), new AnswerFacts
        {
            Response = DispatchResponse.Refused, TaskState = TaskState.Drawn, Dispatch = External(new DispatchStanding()),
            Answer = new DispatchAnswer("s-1", SupervisorKind.External, JurisdictionCode.Parse("44"), Day, DispatchResponse.Refused, []),
        }, []);
        decision.Transition!.State.ShouldBe(AssignmentState.Refused);
        decision.Transition.TaskState.ShouldBe(TaskState.Drawn);
    }

    // ---- closure ----

    public static TheoryData<string, AssignmentOnTask[], string[]> Closures => new()
    {
        { "Three_dispatched_with_records", [A("a1", AssignmentState.Accepted, true), A("a2", AssignmentState.Accepted, true), A("a3", AssignmentState.Completed, true)], [] },
        { "Two_dispatched_of_three_needed", [A("a1", AssignmentState.Accepted, true), A("a2", AssignmentState.Accepted, true), A("a3", AssignmentState.Refused, false)], ["cn.special.group-size"] },
        { "An_open_invitation_is_no_dispatch", [A("a1", AssignmentState.Accepted, true), A("a2", AssignmentState.Accepted, true), A("a3", AssignmentState.Invited, false)], ["cn.special.group-size"] },
        { "A_record_missing", [A("a1", AssignmentState.Accepted, true), A("a2", AssignmentState.Accepted, true), A("a3", AssignmentState.Accepted, false)], ["cn.report.required"] },
    };

    private static AssignmentOnTask A(string id, AssignmentState state, bool filed) => new(id, "s-" + id, SupervisorKind.External, state, filed);

    [Theory]
    [MemberData(nameof(Closures))]
    public void Closure(string name, AssignmentOnTask[] assignments, string[] rules)
    {
        var decision = ClosureDecision.Decide(new ClosureFacts { Assignments = assignments, Staffing = Staff(3, null) });
        Rules(decision.Violations).ShouldBe(rules, name);
        if (!decision.Allowed) return;
        decision.Transition.TaskState.ShouldBe(TaskState.Closed);
        decision.Transition.Completed.ShouldBe(["a1", "a2"]);
    }

    [Fact]
    public void Closure_withdraws_open_invitations()
    {
        var decision = ClosureDecision.Decide(new ClosureFacts
        {
            Assignments = [A("a1", AssignmentState.Accepted, true), A("a2", AssignmentState.Invited, false)], Staffing = Staff(1, null),
        });
        decision.Transition!.Withdrawn.ShouldBe(["a2"]);
    }

    // ---- task kinds ----

    private sealed class AnnualInspection : ITaskKindProvider
    {
        public string PackId => "zz";
        public JurisdictionCode Scope => JurisdictionCode.Parse("53");
        public RuleDescriptor Rule { get; } = new("zz.kinds", new("年检", "annual"), new Citation("ZZ", "10", "第十条"), JurisdictionCode.Parse("53"), "zz", D("2023-01-01"));
        public IReadOnlyCollection<TaskKind> Kinds => [TaskKind.AnnualInspection];
    }

    [Theory]
    [InlineData("Daily_everywhere", TaskKind.Daily, "44", true)]
    [InlineData("Special_everywhere", TaskKind.Special, "11.ETDZ", true)]
    [InlineData("Annual_inspection_where_the_pack_provides_it", TaskKind.AnnualInspection, "53", true)]
    [InlineData("Annual_inspection_outside_53", TaskKind.AnnualInspection, "44", false)]
    [InlineData("After_the_fact_where_no_pack_provides_it", TaskKind.AfterTheFact, "53", false)]
    public void Task_kinds(string name, TaskKind kind, string where, bool allowed)
    {
        var decision = TaskCreationDecision.Decide(new TaskCreationFacts { Task = Task(kind, where) }, [new AnnualInspection()], []);
        decision.Allowed.ShouldBe(allowed, name);
        if (!allowed) Rules(decision.Violations).ShouldBe(["cn.task.kinds"], name);
        else decision.Transition!.State.ShouldBe(TaskState.Planned);
    }

    [Fact]
    public void A_pack_kind_before_the_pack_is_in_force_is_refused()
    {
        var early = Task(TaskKind.AnnualInspection, "53") with { ActivityDate = D("2022-12-31") };
        TaskCreationDecision.Decide(new TaskCreationFacts { Task = early }, [new AnnualInspection()], []).Allowed.ShouldBeFalse();
    }

    // ---- one dispatch history ----

    [Fact]
    public void History_holds_only_answers_in_activity_date_order()
    {
        var history = DispatchHistory.Of(
        [
            new AssignmentRecord("t3", "A", D("2025-03-01"), AssignmentState.Accepted, null),
            new AssignmentRecord("t1", "A", D("2025-01-01"), AssignmentState.Completed, null),
            new AssignmentRecord("t2", "B", D("2025-02-01"), AssignmentState.Refused, null),
            new AssignmentRecord("t4", "A", D("2025-01-15"), AssignmentState.Invited, null),
            new AssignmentRecord("t5", "A", D("2025-01-20"), AssignmentState.Replaced, null),
        ]);
        history.Select(h => (h.TaskId, h.Response)).ShouldBe(
            [("t1", DispatchResponse.Accepted), ("t2", DispatchResponse.Refused), ("t3", DispatchResponse.Accepted)]);
    }
}
