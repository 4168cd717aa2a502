using System.Globalization;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Statement;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class FeeStatementTests
{
    private static readonly FeeScheduleRule Rule = new();

    private static DateTimeOffset T(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static int _n;

    private static AttendanceFact A(string entry, string exit, string supervisor = "s1", string name = "张三", SupervisorKind role = SupervisorKind.External, string? task = null) =>
        new($"a{Interlocked.Increment(ref _n)}", supervisor, name, role, task ?? $"t{_n}", TaskKind.Daily, JurisdictionCode.Parse("11.ETDZ"), "i1", T(entry), T(exit));

    [Theory]
    [InlineData("2025-06-10T09:00+08:00", "2025-06-10T09:00:30+08:00", 0, FeeUnit.None, 0)]
    [InlineData("2025-06-10T09:00+08:00", "2025-06-10T09:01+08:00", 1, FeeUnit.HalfDay, 400)]
    [InlineData("2025-06-10T09:00+08:00", "2025-06-10T12:59+08:00", 239, FeeUnit.HalfDay, 400)]
    [InlineData("2025-06-10T09:00+08:00", "2025-06-10T13:00+08:00", 240, FeeUnit.HalfDay, 400)]
    [InlineData("2025-06-10T09:00+08:00", "2025-06-10T13:01+08:00", 241, FeeUnit.Day, 800)]
    [InlineData("2025-06-10T00:00+08:00", "2025-06-11T00:00+08:00", 1440, FeeUnit.Day, 800)]
    public void A_statement_line_bills_the_day_at_the_4_hour_boundary(string entry, string exit, int minutes, FeeUnit unit, int amount)
    {
        var statement = FeeStatementBuilder.Build(Rule, 2025, 6, [A(entry, exit)]);
        var line = statement.Lines.ShouldHaveSingleItem();
        (line.Date, line.Minutes, line.Unit, line.Amount).ShouldBe((D("2025-06-10"), minutes, unit, (decimal)amount));
        statement.Total.ShouldBe(amount);
    }

    [Theory]
    [InlineData("2025-06-10T23:00+08:00", "2025-06-11T02:59+08:00", 239, FeeUnit.HalfDay, 400)]
    [InlineData("2025-06-10T22:00+08:00", "2025-06-11T02:00+08:00", 240, FeeUnit.HalfDay, 400)]
    [InlineData("2025-06-10T22:00+08:00", "2025-06-11T02:01+08:00", 241, FeeUnit.Day, 800)]
    public void An_attendance_across_midnight_is_one_line_of_one_activity(string entry, string exit, int minutes, FeeUnit unit, int amount)
    {
        var statement = FeeStatementBuilder.Build(Rule, 2025, 6, [A(entry, exit)]);
        var supervisor = statement.Supervisors.ShouldHaveSingleItem();
        var line = supervisor.Lines.ShouldHaveSingleItem();
        (line.Date, line.From, line.To, line.Minutes, line.Unit, line.Amount).ShouldBe((D("2025-06-10"), T(entry), T(exit), minutes, unit, (decimal)amount));
        supervisor.Total.ShouldBe(amount);
    }

    [Fact]
    public void An_activity_over_24_hours_is_two_lines()
    {
        var statement = FeeStatementBuilder.Build(Rule, 2025, 6, [A("2025-06-10T08:00+08:00", "2025-06-11T17:00+08:00")]);
        statement.Lines.Select(l => (l.Date, l.From, l.Unit)).ShouldBe(
            [(D("2025-06-10"), T("2025-06-10T08:00+08:00"), FeeUnit.Day), (D("2025-06-11"), T("2025-06-11T08:00+08:00"), FeeUnit.Day)]);
        statement.Total.ShouldBe(1600m);
    }

    [Fact]
    public void Two_tasks_on_one_day_are_billed_each_on_its_own()
    {
        var statement = FeeStatementBuilder.Build(Rule, 2025, 6,
            [A("2025-06-10T08:00+08:00", "2025-06-10T10:00+08:00"), A("2025-06-10T14:00+08:00", "2025-06-10T16:00+08:00")]);
        statement.Lines.Select(l => l.Amount).ShouldBe([400m, 400m]);
        statement.Supervisors.ShouldHaveSingleItem().Total.ShouldBe(800m);
    }

    [Fact]
    public void Internal_supervisors_are_not_paid_by_the_bureau()
    {
        var statement = FeeStatementBuilder.Build(Rule, 2025, 6, [A("2025-06-10T08:00+08:00", "2025-06-10T10:00+08:00", role: SupervisorKind.Internal)]);
        statement.Supervisors.ShouldBeEmpty();
        statement.Total.ShouldBe(0m);
    }

    [Fact]
    public void An_activity_across_the_month_end_belongs_to_the_month_it_starts_in()
    {
        AttendanceFact[] attendance = [A("2025-06-30T20:00+08:00", "2025-07-01T03:00+08:00")];
        var june = FeeStatementBuilder.Build(Rule, 2025, 6, attendance).Lines.ShouldHaveSingleItem();
        (june.Date, june.Minutes, june.Amount).ShouldBe((D("2025-06-30"), 420, 800m));
        FeeStatementBuilder.Build(Rule, 2025, 7, attendance).Lines.ShouldBeEmpty();
    }

    [Fact]
    public void An_entry_given_in_UTC_is_billed_on_its_China_day_and_month()
    {
        // 2025-06-30T17:00Z is 01:00 on 1 July in China.
        AttendanceFact[] attendance = [A("2025-06-30T17:00:00Z", "2025-06-30T20:00:00Z")];
        FeeStatementBuilder.Build(Rule, 2025, 6, attendance).Lines.ShouldBeEmpty();
        FeeStatementBuilder.Build(Rule, 2025, 7, attendance).Lines.ShouldHaveSingleItem().Date.ShouldBe(D("2025-07-01"));
    }

    [Fact]
    public void The_attendance_range_reaches_back_far_enough_for_the_longest_activity()
    {
        var (from, to) = FeeStatementBuilder.AttendanceRange(2025, 2);
        to.ShouldBe(D("2025-02-28"));
        from.ShouldBe(D("2025-02-01").AddDays(-367));
    }

    /// <summary>A second rate version from 2026-07-01 (500/1000, half day up to 3 h): earlier months keep 400/800.</summary>
    private static readonly FeeScheduleRule TwoRates = FeeScheduleRule.WithRates(
    [
        new FeeRate(D("2023-01-01"), 400m, 800m, 240),
        new FeeRate(D("2026-07-01"), 500m, 1000m, 180),
    ]);

    [Fact]
    public void A_rate_change_applies_from_its_day_and_old_statements_keep_the_old_rate()
    {
        AttendanceFact[] attendance =
        [
            A("2026-06-10T09:00+08:00", "2026-06-10T12:30+08:00", "s1", "张三"),   // 3 h 30: half day under the old rate
            A("2026-07-10T09:00+08:00", "2026-07-10T12:30+08:00", "s1", "张三"),   // 3 h 30: a day under the new one (> 3 h)
            A("2026-06-30T22:00+08:00", "2026-07-01T01:00+08:00", "s2", "李四"),   // across the change: one 3 h activity at June's rate
            A("2026-07-05T22:00+08:00", "2026-07-06T01:00+08:00", "s2", "李四"),   // 3 h under the new rate: half day (≤ 3 h)
        ];
        var june = FeeStatementBuilder.Build(TwoRates, 2026, 6, attendance);
        june.Lines.Select(l => (l.SupervisorId, l.Unit, l.Amount, l.RateFrom)).ShouldBe(
        [
            ("s1", FeeUnit.HalfDay, 400m, D("2023-01-01")),
            ("s2", FeeUnit.HalfDay, 400m, D("2023-01-01")),
        ], ignoreOrder: true);
        june.Total.ShouldBe(800m);

        var july = FeeStatementBuilder.Build(TwoRates, 2026, 7, attendance);
        july.Lines.Select(l => (l.SupervisorId, l.Unit, l.Amount, l.RateFrom)).ShouldBe(
        [
            ("s1", FeeUnit.Day, 1000m, D("2026-07-01")),
            ("s2", FeeUnit.HalfDay, 500m, D("2026-07-01")),
        ], ignoreOrder: true);
        july.Total.ShouldBe(1500m);

        // The rates in force today are unchanged by the existence of the future version.
        FeeStatementBuilder.Build(Rule, 2026, 7, attendance).Total.ShouldBe(800m);
    }

    [Fact]
    public void Supervisors_are_ordered_by_name_with_their_own_totals()
    {
        var statement = FeeStatementBuilder.Build(Rule, 2025, 6,
        [
            A("2025-06-10T08:00+08:00", "2025-06-10T17:00+08:00", "s2", "王五"),
            A("2025-06-11T08:00+08:00", "2025-06-11T10:00+08:00", "s1", "张三"),
            A("2025-06-12T08:00+08:00", "2025-06-12T18:00+08:00", "s1", "张三"),
        ]);
        statement.Supervisors.Select(s => (s.SupervisorId, s.HalfDays, s.Days, s.Total)).ShouldBe([("s1", 1, 1, 1200m), ("s2", 0, 1, 800m)]);
        statement.Total.ShouldBe(2000m);
        (statement.RuleId, statement.Citation).ShouldBe(("bj.fee.schedule", "BJ 27"));
    }

    [Theory]
    [InlineData(null, null, "json")]
    [InlineData("csv", "application/json", "csv")]
    [InlineData(null, "text/csv", "csv")]
    [InlineData(null, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;q=0.9, */*", "xlsx")]
    [InlineData(null, "*/*", "json")]
    public void The_format_comes_from_the_query_then_the_Accept_header(string? format, string? accept, string expected) =>
        StatementFormats.Choose(format, accept).ShouldBe(expected);

    [Fact]
    public void The_CSV_escapes_cells_that_a_spreadsheet_would_run_as_a_formula()
    {
        var statement = FeeStatementBuilder.Build(Rule, 2025, 6, [A("2025-06-10T08:00+08:00", "2025-06-10T10:00+08:00", "s1", "=HYPERLINK(\"x\")")]);
        var text = System.Text.Encoding.UTF8.GetString(StatementFormats.ToCsv(statement));
        text.ShouldNotContain(",=HYPERLINK");
        text.ShouldContain("400.00");
    }

    [Theory]
    [InlineData("2025-06", true)]
    [InlineData("2025-6", false)]
    [InlineData("2025-13", false)]
    [InlineData("2025/06", false)]
    [InlineData("", false)]
    public void Months_are_YYYY_MM(string month, bool valid) => Request.TryParseMonth(month, out _, out _).ShouldBe(valid);
}
