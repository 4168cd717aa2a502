using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Plugins;

public class TaskKindScopingTests
{
    private sealed class Policy(string id, TaskKind[]? kinds) : IDeadlinePolicy, ITaskKindScoped
    {
        public string PackId => "test";
        public JurisdictionCode Scope => JurisdictionCode.National;
        public RuleDescriptor Rule { get; } = new(id, new LocalizedText("测试", "test"), new Citation("T", "1", "第一条"), JurisdictionCode.National, "test", new DateOnly(2020, 1, 1));
        public DeadlineSubject Subject => DeadlineSubject.SupervisionRecord;
        public int WorkingDaysAllowed => 5;
        public bool AppliesTo(TaskKind kind) => kinds is null || kinds.Contains(kind);
        public WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar) => WorkingDays.After(calendar, end, 5);
    }

    private sealed class Unscoped : IPackExtension
    {
        public string PackId => "test";
        public JurisdictionCode Scope => JurisdictionCode.National;
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
    public void An_extension_without_the_interface_applies_to_every_kind() =>
        new IPackExtension[] { new Unscoped() }.ForTaskKind(TaskKind.Special).ShouldHaveSingleItem();
}
