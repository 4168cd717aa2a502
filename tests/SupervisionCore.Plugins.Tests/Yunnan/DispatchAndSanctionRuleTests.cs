using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>YN 19 refusal limit, YN 23 blacklist, YN 12 full-process internal supervision.</summary>
public class DispatchAndSanctionRuleTests
{
    private static readonly RefusalLimitRule Refusals = new();
    private static readonly BlacklistRule Blacklist = new();
    private static readonly FullProcessRule FullProcess = new();
    private static readonly JurisdictionCode Yunnan = JurisdictionCode.Parse("53");

    /// <summary>A sequence of answers (R refused, A accepted), one a day; the last one is the answer judged.</summary>
    private static LifecycleDecision? Judge(string sequence)
    {
        var day = new DateOnly(2025, 3, 1);
        var answers = sequence.Split(',').Select((a, i) => (Response: a == "A" ? DispatchResponse.Accepted : DispatchResponse.Refused, On: day.AddDays(i))).ToList();
        var earlier = answers[..^1].Select((a, i) => new DispatchHistoryEntry($"t{i}", "inst", a.On, a.Response)).ToList();
        var last = answers[^1];
        return Refusals.OnAnswer(new DispatchAnswer("s-1", SupervisorKind.External, Yunnan, last.On, last.Response, earlier));
    }

    [Theory]
    [InlineData("R", false)]
    [InlineData("R,R", false)]
    [InlineData("R,R,R", true)]
    [InlineData("R,R,A,R", false)]
    [InlineData("R,R,A,R,R", false)]
    [InlineData("R,R,A,R,R,R", true)]
    [InlineData("A,R,R,R", true)]
    [InlineData("R,R,R,R", true)]
    [InlineData("R,R,A", false)]
    public void The_third_consecutive_refusal_revokes_and_an_acceptance_resets(string sequence, bool revoked)
    {
        var decision = Judge(sequence);
        (decision is not null).ShouldBe(revoked);
        if (decision is null) return;
        decision.Action.ShouldBe(LifecycleAction.RevokeQualification);
        decision.Violation.Rule.ShouldBe("yn.dispatch.refusal-limit");
        decision.Violation.Citation.ShouldBe("YN 19");
    }

    [Fact]
    public void Earlier_answers_are_judged_in_date_order_whatever_order_they_come_in()
    {
        var earlier = new[]
        {
            new DispatchHistoryEntry("t2", "i", new DateOnly(2025, 3, 3), DispatchResponse.Refused),
            new DispatchHistoryEntry("t0", "i", new DateOnly(2025, 3, 1), DispatchResponse.Accepted),
            new DispatchHistoryEntry("t1", "i", new DateOnly(2025, 3, 2), DispatchResponse.Refused),
        };
        RefusalLimitRule.ConsecutiveRefusals(earlier).ShouldBe(2);
        Refusals.OnAnswer(new DispatchAnswer("s", SupervisorKind.Internal, Yunnan, new DateOnly(2025, 3, 4), DispatchResponse.Refused, earlier)).ShouldNotBeNull();
    }

    [Fact]
    public void An_acceptance_itself_never_revokes() =>
        Refusals.OnAnswer(new DispatchAnswer("s", SupervisorKind.External, Yunnan, new DateOnly(2025, 3, 4), DispatchResponse.Accepted,
            [new("t1", "i", new DateOnly(2025, 3, 1), DispatchResponse.Refused), new("t2", "i", new DateOnly(2025, 3, 2), DispatchResponse.Refused)])).ShouldBeNull();

    [Theory]
    [InlineData("revocation", "53", true)]
    [InlineData("criticism", "53", false)]
    [InlineData("suspension", "53", false)]
    [InlineData("dismissal", "53", false)]
    [InlineData("revocation", "44", false)]
    public void Revocation_in_Yunnan_blacklists_for_good(string measure, string where, bool barred)
    {
        var on = new DateOnly(2025, 5, 6);
        var bar = Blacklist.OnSanction(new SanctionDecision("s", JurisdictionCode.Parse(where), measure, "yn.dispatch.refusal-limit", on, ["yn.dispatch.refusal-limit"]));
        (bar is not null).ShouldBe(barred);
        if (bar is null) return;
        bar.Scope.ShouldBe(Yunnan);
        bar.From.ShouldBe(on);
        bar.Until.ShouldBeNull();
        bar.Violation.Rule.ShouldBe("yn.revocation.blacklist");
        bar.Violation.Citation.ShouldBe("YN 23");
        bar.Bars(Yunnan, on.AddYears(30)).ShouldBeTrue();
        bar.Bars(Yunnan, on.AddDays(-1)).ShouldBeFalse();
        bar.Bars(JurisdictionCode.Parse("44"), on).ShouldBeFalse();
    }

    [Theory]
    [InlineData(ActivityKind.SkillLevelRecognition, 0, true)]
    [InlineData(ActivityKind.SkillLevelRecognition, 1, false)]
    [InlineData(ActivityKind.SkillLevelRecognition, 2, false)]
    [InlineData(ActivityKind.Competition, 0, false)]
    [InlineData(ActivityKind.VocationalQualification, 0, false)]
    public void A_recognition_activity_needs_an_internal_supervisor(ActivityKind kind, int internals, bool flagged)
    {
        var coverage = new ActivityCoverage("a-1", Yunnan, kind, new DateOnly(2025, 6, 10), [.. Enumerable.Range(0, internals).Select(i => $"s{i}")]);
        var violation = FullProcess.Check(coverage);
        (violation is not null).ShouldBe(flagged);
        if (violation is not null) (violation.Rule, violation.Citation).ShouldBe(("yn.internal.full-process", "YN 12"));
    }
}
