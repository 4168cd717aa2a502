using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions.Rules;

namespace SupervisionCore.Kernel.Sanctions;

/// <summary>Everything a supervisor sanction is judged on.</summary>
/// <param name="MeasureKey">The measure as asked (<c>dismissal</c>, a pack's <c>non-renewal</c> …).</param>
/// <param name="NationalMeasure">The national measure of that key, when it is one.</param>
/// <param name="GroundKey">The ground as asked (<c>not-performing-duties</c>, a pack's <c>gd.21.2</c> …).</param>
/// <param name="NationalGround">The national ground of that key (<see cref="SupervisorSanctionGround.Other"/> when it is none).</param>
/// <param name="Where">The supervisor's jurisdiction.</param>
/// <param name="On">Day of the decision.</param>
/// <param name="PackGrounds">The enabled packs' sanction grounds (the extension point).</param>
public sealed record SupervisorSanctionFacts(
    string MeasureKey, SupervisorSanctionMeasure? NationalMeasure, string GroundKey, SupervisorSanctionGround NationalGround,
    JurisdictionCode Where, DateOnly On, IReadOnlyList<ISanctionGrounds> PackGrounds);

/// <summary>What a supervisor sanction changes.</summary>
/// <param name="EndsAppointment">Ends the appointments and withdraws the cards from its day.</param>
/// <param name="Rules">The rule ids recorded with it.</param>
public sealed record SupervisorSanctionTransition(bool EndsAppointment, IReadOnlyList<string> Rules);

/// <summary>Everything an institution sanction (one step of the ladder) is judged on.</summary>
/// <param name="StepKey">The step as asked.</param>
/// <param name="Step">The ladder step of that key, when it is one.</param>
/// <param name="GroundKey">The ground as asked.</param>
/// <param name="NationalGround">The national ground of that key (Other when none).</param>
/// <param name="Where">The institution's jurisdiction.</param>
/// <param name="On">Day of the step.</param>
/// <param name="CorrectionDeadline">责令改正期限, for notice-and-correction.</param>
/// <param name="SeriousJustification">情节严重 justification for climbing past a step.</param>
/// <param name="History">The steps already recorded.</param>
/// <param name="Today">Today (China), for the standing after the step.</param>
/// <param name="PackGrounds">The enabled packs' sanction grounds (the extension point).</param>
public sealed record InstitutionSanctionFacts(
    string StepKey, InstitutionSanctionStep? Step, string GroundKey, InstitutionSanctionGround NationalGround, JurisdictionCode Where, DateOnly On,
    DateOnly? CorrectionDeadline, string? SeriousJustification, IReadOnlyList<InstitutionSanction> History, DateOnly Today, IReadOnlyList<ISanctionGrounds> PackGrounds);

/// <summary>The step to record and where the institution then stands.</summary>
/// <param name="Next">The step.</param>
/// <param name="Before">The ladder step before it (today).</param>
/// <param name="After">The ladder step after it (today).</param>
/// <param name="PackGround">The pack ground it rests on, if any.</param>
/// <param name="Rules">The rule ids recorded with it.</param>
public sealed record InstitutionSanctionTransition(
    InstitutionSanction Next, InstitutionSanctionStep Before, InstitutionSanctionStep After, SanctionGroundDefinition? PackGround, IReadOnlyList<string> Rules);

/// <summary>A registry bar as stored: where, when, and the violation it records.</summary>
/// <param name="Scope">Where the person is barred.</param>
/// <param name="From">First day.</param>
/// <param name="Until">Last day, null for good.</param>
/// <param name="Rule">Rule id.</param>
/// <param name="Citation">Citation.</param>
/// <param name="Message">The recorded reason.</param>
public sealed record StoredRegistryBar(JurisdictionCode Scope, DateOnly From, DateOnly? Until, string Rule, string Citation, LocalizedText Message)
{
    /// <summary>The bar as the pack contract reads it (the violation recorded when it was decided).</summary>
    public RegistryBar ToRegistryBar() => new(Scope, From, Until, new Violation(Rule, Citation, Message));
}

/// <summary>
/// 处理 (sanctions) as one decision per act: a supervisor's (CN 第十七条 with the packs' grounds, e.g. GD 第二十一条) and an
/// institution's (CN 第十八条's ladder with the packs' institution grounds, e.g. GD 第二十二条). Pack grounds come in through the
/// <see cref="ISanctionGrounds"/> extension point and are judged by <see cref="SanctionGrounds.Check"/>; the national rule then
/// judges the measure or the step. The Host loads the facts, persists the transition with its audit and maps to HTTP.
/// </summary>
public static class SanctionDecisions
{
    private static readonly SupervisorDismissalRule Dismissal = new();
    private static readonly InstitutionSanctionLadderRule Ladder = new();

    /// <summary>A supervisor sanction: the pack ground first (its own measures only), then the national rule for a national measure.</summary>
    public static Decision<SupervisorSanctionTransition> DecideSupervisor(SupervisorSanctionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var packGround = facts.PackGrounds.FindGround(facts.GroundKey, SanctionTarget.Supervisor);
        var packMeasure = facts.PackGrounds.FindMeasure(facts.MeasureKey);
        var outcome = packGround is { } g ? SanctionGrounds.Check(g.Extension, g.Ground, facts.MeasureKey, facts.Where, facts.On)
            : packMeasure is { } m ? RuleOutcome.Fail(m.Extension.Rule.Violated(new LocalizedText(
                $"处理措施“{facts.MeasureKey}”只能基于{m.Extension.Rule.Citation}所列情形", $"Measure '{facts.MeasureKey}' needs a ground of {m.Extension.Rule.Citation}")))
            : RuleOutcome.Pass;
        if (outcome.Passed && facts.NationalMeasure is { } measure)
            outcome = Dismissal.Check(measure, facts.NationalGround, facts.On);
        if (!outcome.Passed) return Decision.Refuse<SupervisorSanctionTransition>(outcome);
        var ends = facts.NationalMeasure is { } n ? SupervisorDismissalRule.EndsAppointment(n)
            : packMeasure?.Measure.EndsAppointment ?? throw new ArgumentException($"'{facts.MeasureKey}' is no measure", nameof(facts));
        string[] rules = packGround is { } pg ? [Dismissal.Rule.Id, pg.Ground.Rule] : [Dismissal.Rule.Id];
        return Decision.Allow(new SupervisorSanctionTransition(ends, rules));
    }

    /// <summary>An institution sanction: the pack ground first (its own measures, which must be ladder steps), then the national ladder.</summary>
    public static Decision<InstitutionSanctionTransition> DecideInstitution(InstitutionSanctionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var packGround = facts.PackGrounds.FindGround(facts.GroundKey, SanctionTarget.Institution);
        if (packGround is { } g)
        {
            var grounds = SanctionGrounds.Check(g.Extension, g.Ground, facts.StepKey, facts.Where, facts.On);
            if (!grounds.Passed) return Decision.Refuse<InstitutionSanctionTransition>(grounds);
        }
        // A pack's own measure (GD 21's non-renewal …) concerns supervisors: an institution is sanctioned only by the steps of the ladder.
        if (facts.Step is not { } step)
            return Decision.Refuse<InstitutionSanctionTransition>(RuleOutcome.Fail(NationalRules.InstitutionSanctionLadder.Violated(new LocalizedText(
                $"“{facts.StepKey}”不是评价机构的处理措施：只能是通报批评并责令改正、处分建议或取消评价工作资格",
                $"'{facts.StepKey}' is not a sanction of an institution: the steps are notice-and-correction, disciplinary-recommendation and disqualification"))));
        var next = new InstitutionSanction(step, facts.On, facts.NationalGround, facts.CorrectionDeadline,
            string.IsNullOrWhiteSpace(facts.SeriousJustification) ? null : facts.SeriousJustification.Trim());
        var ladder = Ladder.CheckNext(facts.History, next);
        if (!ladder.Passed) return Decision.Refuse<InstitutionSanctionTransition>(ladder);
        var rule = NationalRules.InstitutionSanctionLadder.Id;
        string[] rules = packGround is { } pg ? [.. new[] { rule, pg.Ground.Rule }.Distinct()] : [rule];
        return Decision.Allow(new InstitutionSanctionTransition(next, InstitutionSanctionLadderRule.CurrentStep(facts.History, facts.Today),
            InstitutionSanctionLadderRule.CurrentStep([.. facts.History, next], facts.Today), packGround?.Ground, rules));
    }

    /// <summary>
    /// 禁入 (registry bars): the recorded bars in force on <paramref name="on"/> whose scope contains <paramref name="where"/>, as
    /// the violations that refuse registering or appointing the person (GD 21 lifetime ban, YN 23 blacklist), one per rule.
    /// </summary>
    public static IReadOnlyList<Violation> BarsInForce(IEnumerable<StoredRegistryBar> bars, JurisdictionCode where, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(bars);
        return [.. bars.Where(b => b.From <= on && (b.Until is null || b.Until >= on) && b.Scope.Contains(where))
            .Select(b => new Violation(b.Rule, b.Citation, b.Message)).DistinctBy(v => v.Rule)];
    }
}
