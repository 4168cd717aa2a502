namespace SupervisionCore.Kernel.Procedures;

/// <summary>The steps of 专项督导 (special supervision), CN 第十五条, in their legal order.</summary>
public enum SpecialStep
{
    /// <summary>
    /// (二) 自评（自查）报告 (the institution's self-evaluation report). Not a link of the chain: it may be recorded before the
    /// site visit (the usual order) or after it, but before the preliminary opinion, which reviews it
    /// (<c>cn.special.self-report</c>, CN 第十五条第（二）项, GD 第十八条). Ordered first.
    /// </summary>
    SelfReport = -1,

    /// <summary>(一) 现场考察、听取意见 (site visit by the supervision group).</summary>
    SiteVisit = 0,

    /// <summary>(二) 初步督导意见 (preliminary opinion) fed back to the institution; sets the rebuttal period.</summary>
    PreliminaryOpinion = 1,

    /// <summary>(三) 申辩意见 (the institution's rebuttal), within the period set by the preliminary opinion.</summary>
    Rebuttal = 2,

    /// <summary>(三) 督导意见书 (opinion letter) sent by the dispatching authority.</summary>
    OpinionLetter = 3,

    /// <summary>(四) 整改报告 (rectification report) submitted by the institution.</summary>
    RectificationReport = 4,

    /// <summary>结束 (closed): the procedure is over.</summary>
    Closed = 5,
}

/// <summary>A step already recorded for a task.</summary>
/// <param name="Step">Which step.</param>
/// <param name="On">The day it happened (China time).</param>
/// <param name="RebuttalDue">For the preliminary opinion: the last day of the rebuttal period.</param>
public sealed record RecordedSpecialStep(SpecialStep Step, DateOnly On, DateOnly? RebuttalDue = null);

/// <summary>The judgement of a proposed step.</summary>
/// <param name="Outcome">Passed, or the violations (all naming <c>cn.special.procedure</c>).</param>
/// <param name="OutOfOrder">True when the step is refused because of its place in the order (skipped, repeated, after the end), not its dates.</param>
public sealed record SpecialStepDecision(SupervisionCore.Kernel.Rules.RuleOutcome Outcome, bool OutOfOrder);

/// <summary>The steps as sent and stored (kebab-case).</summary>
public static class SpecialSteps
{
    // Index i is the step (SpecialStep)(i - 1): the self-report (-1) first.
    private static readonly string[] Texts = ["self-report", "site-visit", "preliminary-opinion", "rebuttal", "opinion-letter", "rectification-report", "closed"];

    /// <summary>Every step's text, in order.</summary>
    public static IReadOnlyList<string> All => Texts;

    /// <summary>The step's text (<c>preliminary-opinion</c>).</summary>
    public static string ToText(SpecialStep step) => Texts[(int)step + 1];

    /// <summary>Parses a step's text.</summary>
    public static bool TryParse(string? text, out SpecialStep step)
    {
        var i = Array.IndexOf(Texts, text);
        step = i < 0 ? default : (SpecialStep)(i - 1);
        return i >= 0;
    }
}
