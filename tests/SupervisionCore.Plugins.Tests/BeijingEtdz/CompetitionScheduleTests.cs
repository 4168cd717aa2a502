using SupervisionCore.Kernel.Acts;
using System.Globalization;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Forms;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class CompetitionScheduleTests
{
    private static DateTimeOffset T(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static AssignmentFacts Ext(string name, AssignmentState status = AssignmentState.Accepted, SupervisorKind role = SupervisorKind.External) =>
        new(Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), name, role, status, null, null);

    private static ActivityTaskFacts Task(string id, TaskKind kind, long? venue, string start, params AssignmentFacts[] assignments) =>
        new(id, kind, TaskState.Drawn, venue, T(start), T(start).AddHours(4), 2, ["bj.staffing.competition"], assignments);

    private static ActivityFacts Competition(params ActivityTaskFacts[] tasks) => new(
        "c1", ActivityKind.Competition, JurisdictionCode.Parse("11.ETDZ"), "i1", "电工", "三级", "2025经开区电工技能竞赛",
        T("2025-09-01T08:00+08:00"), T("2025-09-02T18:00+08:00"), 401,
        [new ActivityVenueFacts(1, "一号馆", "科创十三街1号", 200), new ActivityVenueFacts(2, "二号馆", null, 201)],
        tasks);

    [Fact]
    public void Rows_follow_the_tasks_with_the_venue_contestants_and_the_staffing_rule_at_200_and_201()
    {
        var schedule = CompetitionScheduleBuilder.Build(Competition(
            Task("t-after-1", TaskKind.CompetitionAfter, 1, "2025-09-02T09:00+08:00", Ext("赵六")),
            Task("t-in-2", TaskKind.CompetitionInProgress, 2, "2025-09-01T08:00+08:00", Ext("钱七"), Ext("孙八"), Ext("周九")),
            Task("t-in-1", TaskKind.CompetitionInProgress, 1, "2025-09-01T08:00+08:00", Ext("张三"), Ext("李四"), Ext("王五"), Ext("吴十", AssignmentState.Refused))));

        schedule.Rows.Select(r => (r.TaskId, r.Kind, r.VenueId, r.Contestants)).ShouldBe(
        [
            ("t-in-1", "in-progress", (long?)1, 200),
            ("t-in-2", "in-progress", 2, 201),
            ("t-after-1", "after", 1, 200),
        ]);
        var venue1 = schedule.Rows[0];
        venue1.Supervisors.ShouldBe(["张三", "李四", "王五"]);
        venue1.Staffing.ShouldBe(new ScheduleStaffing(2, 2, 3, false)); // ≤ 200: exactly 2
        schedule.Rows[1].Staffing.ShouldBe(new ScheduleStaffing(2, null, 3, true)); // > 200: more allowed
        schedule.Rows[2].Staffing.ShouldBe(new ScheduleStaffing(2, 2, 1, false));
        venue1.Venue.ShouldBe("一号馆（科创十三街1号）");
        (venue1.Project, venue1.Occupation).ShouldBe(("2025经开区电工技能竞赛", "电工（三级）"));
        schedule.VenuesWithoutInProgress.ShouldBeEmpty();
        schedule.VenuesWithoutAfter.ShouldBe([2L]);
    }

    [Fact]
    public void Cancelled_tasks_and_other_kinds_are_left_out_and_internal_supervisors_are_not_listed()
    {
        var cancelled = Task("t-x", TaskKind.CompetitionInProgress, 1, "2025-09-01T08:00+08:00", Ext("张三")) with { Status = TaskState.Cancelled };
        var schedule = CompetitionScheduleBuilder.Build(Competition(cancelled,
            Task("t-daily", TaskKind.Daily, null, "2025-09-01T08:00+08:00"),
            Task("t-in", TaskKind.CompetitionInProgress, 2, "2025-09-01T08:00+08:00", Ext("李四"), Ext("内督", role: SupervisorKind.Internal))));
        schedule.Rows.ShouldHaveSingleItem().Supervisors.ShouldBe(["李四"]);
        schedule.VenuesWithoutInProgress.ShouldBe([1L]);
    }

    [Fact]
    public void A_task_without_a_venue_is_remarked_and_counts_all_contestants()
    {
        var row = CompetitionScheduleBuilder.Build(Competition(Task("t", TaskKind.CompetitionInProgress, null, "2025-09-01T08:00+08:00"))).Rows.ShouldHaveSingleItem();
        row.Contestants.ShouldBe(401);
        row.Remark.ShouldNotBeNull();
        row.Supervisors.ShouldBeEmpty();
    }

    [Fact]
    public void Sheets_hold_7_rows_each_and_fit_the_annex_6_form_but_for_the_signatures()
    {
        var tasks = Enumerable.Range(1, 9).Select(i => Task($"t{i}", TaskKind.CompetitionInProgress, 1, $"2025-09-01T{i + 8:00}:00+08:00", Ext("张三"), Ext("李四"))).ToArray();
        var schedule = CompetitionScheduleBuilder.Build(Competition(tasks));
        schedule.Sheets.Count.ShouldBe(2);
        schedule.Sheets[0].Keys.ShouldContain("row-7.kind");
        schedule.Sheets[1].Keys.ShouldContain("row-2.kind");
        schedule.Sheets[1].Keys.ShouldNotContain("row-3.kind");
        schedule.Sheets[0]["row-1.contestants"].Number.ShouldBe(200);
        foreach (var sheet in schedule.Sheets)
            FormSubmission.Validate(BeijingEtdzForms.CompetitionSchedule, sheet).Select(p => p.Key).ShouldBe(["filled-by", "reviewed-by"], ignoreOrder: true);
    }
}
