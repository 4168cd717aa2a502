using System.Globalization;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>
/// YN 17 year close as one decision (issue #16 item 7): it revokes only where the institution held a session the supervisor
/// could attend (appointed on or before its day, not ended before it); otherwise "no session held" and nobody is revoked.
/// </summary>
public class LearningYearTests
{
    private const string Inst = "inst-1";
    private static readonly DateOnly Today = D("2026-01-05");
    private static readonly DateOnly SessionDay = D("2025-06-10");

    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static HeldSession Session(string institution, DateOnly on, params (string Id, bool Attended, bool? Passed)[] results) =>
        new(Guid.NewGuid(), institution, on, results.ToDictionary(r => r.Id, r => (r.Attended, r.Passed)));

    private static LearningYearVerdict Verdict(Learner learner, params HeldSession[] sessions)
    {
        var decision = LearningYear.Decide(new LearningYearFacts(2025, Today, [learner], sessions));
        decision.Allowed.ShouldBeTrue();
        var finding = decision.Transition.Findings.ShouldHaveSingleItem();
        if (finding.Verdict != LearningYearVerdict.Met) finding.Reason!.Rule.ShouldBe("yn.learning.annual");
        return finding.Verdict;
    }

    private static Learner Appointed(string start, string? terminatedOn = null, bool removed = false) =>
        new("s", Inst, [new AppointmentTerm(D(start), terminatedOn is null ? null : D(terminatedOn))], removed);

    [Theory]
    [InlineData("appointed_the_day_before_the_session", "2025-06-09", LearningYearVerdict.Revoke)]
    [InlineData("appointed_on_the_session_day", "2025-06-10", LearningYearVerdict.Revoke)]
    [InlineData("appointed_the_day_after_the_session", "2025-06-11", LearningYearVerdict.NoSessionHeld)]
    [InlineData("appointed_years_before", "2023-01-01", LearningYearVerdict.Revoke)]
    public void An_absent_supervisor_is_revoked_only_when_appointed_by_the_session_day(string name, string start, LearningYearVerdict expected)
    {
        _ = name;
        Verdict(Appointed(start), Session(Inst, SessionDay)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("ended_the_day_after_the_session", "2025-06-11", LearningYearVerdict.Revoke)]   // last day = session day
    [InlineData("ended_on_the_session_day", "2025-06-10", LearningYearVerdict.NoSessionHeld)]   // no longer appointed that day
    public void A_term_ended_before_the_session_could_not_attend_it(string name, string terminatedOn, LearningYearVerdict expected)
    {
        _ = name;
        Verdict(Appointed("2024-01-01", terminatedOn), Session(Inst, SessionDay)).ShouldBe(expected);
    }

    [Fact]
    public void No_session_at_all_revokes_nobody()
    {
        Verdict(Appointed("2024-01-01")).ShouldBe(LearningYearVerdict.NoSessionHeld);
    }

    [Fact]
    public void Another_institutions_session_or_a_session_of_another_year_is_not_held_for_them()
    {
        Verdict(Appointed("2024-01-01"), Session("inst-2", SessionDay), Session(Inst, D("2024-06-10"))).ShouldBe(LearningYearVerdict.NoSessionHeld);
    }

    [Theory]
    [InlineData("passed", true, true, LearningYearVerdict.Met)]
    [InlineData("failed", true, false, LearningYearVerdict.Revoke)]
    [InlineData("recorded_absent", false, null, LearningYearVerdict.Revoke)]
    public void Where_a_session_was_held_a_pass_meets_the_year_and_anything_else_revokes(string name, bool attended, bool? passed, LearningYearVerdict expected)
    {
        _ = name;
        Verdict(Appointed("2024-01-01"), Session(Inst, SessionDay, ("s", attended, passed))).ShouldBe(expected);
    }

    [Fact]
    public void A_pass_at_an_earlier_session_of_the_year_counts_even_before_the_appointment_of_a_later_one()
    {
        // Appointed on 2025-03-01: the 2025-02-01 session they passed (as a newcomer) and the 2025-09-01 one they missed.
        var learner = Appointed("2025-03-01");
        Verdict(learner, Session(Inst, D("2025-02-01"), ("s", true, true)), Session(Inst, D("2025-09-01"))).ShouldBe(LearningYearVerdict.Met);
    }

    [Fact]
    public void Already_removed_is_reported_not_revoked_again()
    {
        Verdict(Appointed("2024-01-01", removed: true), Session(Inst, SessionDay)).ShouldBe(LearningYearVerdict.AlreadyRemoved);
    }

    [Theory]
    [InlineData(2025, "2025-12-31", false)]
    [InlineData(2025, "2026-01-01", true)]
    [InlineData(1999, "2026-01-01", false)]
    public void A_year_is_closed_only_when_it_is_over(int year, string today, bool allowed)
    {
        LearningYear.CanClose(year, D(today)).Passed.ShouldBe(allowed);
        var decision = LearningYear.Decide(new LearningYearFacts(year, D(today), [], []));
        decision.Allowed.ShouldBe(allowed);
        if (!allowed) decision.Violations.ShouldHaveSingleItem().Rule.ShouldBe("yn.learning.annual");
    }

    [Theory]
    [InlineData("internal_of_the_institution", SupervisorKind.Internal, Inst, false, true)]
    [InlineData("internal_of_another_institution", SupervisorKind.Internal, "inst-2", false, false)]
    [InlineData("external", SupervisorKind.External, null, false, false)]
    [InlineData("year_closed", SupervisorKind.Internal, Inst, true, false)]
    public void A_result_is_recorded_for_the_institutions_internal_supervisors_while_the_year_is_open(string name, SupervisorKind kind, string? institution, bool closed, bool allowed)
    {
        _ = name;
        var decision = LearningYear.DecideResult(new LearningResultFacts(kind, institution, Inst, closed, true, true));
        decision.Allowed.ShouldBe(allowed);
        if (!allowed) decision.Violations.ShouldHaveSingleItem().Rule.ShouldBe("yn.learning.annual");
    }
}
