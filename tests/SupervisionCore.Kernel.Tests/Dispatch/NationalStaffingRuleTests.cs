using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Dispatch;

public sealed class NationalStaffingRuleTests
{
    private static TaskInfo Task(TaskKind kind, string where = "44", int candidates = 50) => new()
    {
        TaskId = "t", Kind = kind, Jurisdiction = JurisdictionCode.Parse(where), InstitutionId = "i", ActivityDate = new DateOnly(2025, 5, 6), CandidateCount = candidates,
    };

    [Theory]
    [InlineData(TaskKind.Special, 3)]
    [InlineData(TaskKind.Daily, 1)]
    [InlineData(TaskKind.AfterTheFact, 1)]
    [InlineData(TaskKind.CompetitionInProgress, 1)]
    public void National_minimum_by_kind(TaskKind kind, int required)
    {
        var (requirement, rule) = Staffing.For(Task(kind), []);
        requirement.Required.ShouldBe(required);
        requirement.Allowed.ShouldBeNull();
        rule.Id.ShouldBe("cn.special.group-size");
    }

    [Fact]
    public void Special_group_of_two_is_short_and_three_is_enough()
    {
        var (requirement, _) = Staffing.For(Task(TaskKind.Special), []);
        requirement.IsSatisfiedBy(2).ShouldBeFalse();
        requirement.IsSatisfiedBy(3).ShouldBeTrue();
    }

    private sealed class ZoneRule : IStaffingRule
    {
        public string PackId => "bj-etdz";
        public JurisdictionCode Scope => JurisdictionCode.Parse("11.ETDZ");
        public RuleDescriptor Rule { get; } = new("bj.staffing.recognition", new("z", "z"), new Citation("BJ", "19", "第十九条"), JurisdictionCode.Parse("11.ETDZ"), "bj-etdz", new DateOnly(2023, 1, 1));
        public StaffingRequirement? RequirementFor(TaskInfo task) => task.Kind == TaskKind.Daily ? new StaffingRequirement(SupervisorKind.External, 2, 2) : null;
    }

    [Fact]
    public void A_pack_rule_governs_inside_its_zone_only_and_falls_back_where_silent()
    {
        IStaffingRule[] rules = [new ZoneRule()];
        Staffing.For(Task(TaskKind.Daily, "11.ETDZ"), rules).Rule.Id.ShouldBe("bj.staffing.recognition");
        Staffing.For(Task(TaskKind.Daily, "11.ETDZ"), rules).Requirement.Required.ShouldBe(2);
        Staffing.For(Task(TaskKind.Daily, "11"), rules).Rule.Id.ShouldBe("cn.special.group-size");
        Staffing.For(Task(TaskKind.Special, "11.ETDZ"), rules).Requirement.Required.ShouldBe(3);
    }
}
