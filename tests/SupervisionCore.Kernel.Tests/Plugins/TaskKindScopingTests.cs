using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Plugins;

public class TaskKindScopingTests
{
    private sealed class Policy(string id, TaskKind[]? kinds) : IDeadlinePolicy
    {
        public string PackId => "test";
        public JurisdictionCode Scope => JurisdictionCode.National;
        public RuleDescriptor Rule { get; } = new(id, new LocalizedText("测试", "test"), new Citation("T", "1", "第一条"), JurisdictionCode.National, "test", new DateOnly(2020, 1, 1));
        public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;
        public Deadline Allowed => Deadline.InWorkingDays(5);
        public bool AppliesTo(TaskKind kind) => kinds is null || kinds.Contains(kind);
    }

    private sealed class Unscoped : IDeadlinePolicy
    {
        public string PackId => "test";
        public JurisdictionCode Scope => JurisdictionCode.National;
        public RuleDescriptor Rule { get; } = new("unscoped", new LocalizedText("测试", "test"), new Citation("T", "1", "第一条"), JurisdictionCode.National, "test", new DateOnly(2020, 1, 1));
        public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;
        public Deadline Allowed => Deadline.InCalendarDays(5);
    }

    [Theory]
    [InlineData(TaskKind.Daily, "recognition,any")]
    [InlineData(TaskKind.CompetitionAfter, "competition,any")]
    [InlineData(TaskKind.AnnualInspection, "any")]
    public void Scoped_extensions_apply_only_to_their_kinds(TaskKind kind, string expected)
    {
        IDeadlinePolicy[] policies =
        [
            new Policy("recognition", [TaskKind.Daily, TaskKind.AfterTheFact]),
            new Policy("competition", [TaskKind.CompetitionInProgress, TaskKind.CompetitionAfter]),
            new Policy("any", null),
        ];
        policies.ForTaskKind(kind).Select(p => p.Rule.Id).ShouldBe(expected.Split(','));
    }

    [Fact]
    public void A_policy_that_does_not_say_applies_to_every_kind() =>
        new IDeadlinePolicy[] { new Unscoped() }.ForTaskKind(TaskKind.Special).ShouldHaveSingleItem();

    [Fact]
    public void The_default_due_date_counts_the_declared_days()
    {
        IDeadlinePolicy policy = new Unscoped();
        policy.DueAfter(new DateOnly(2031, 1, 1), ChinaWorkingDayCalendar.WithPublishedArrangements()).ShouldBe(new WorkingDayDeadline(new DateOnly(2031, 1, 6), false));
    }
}
