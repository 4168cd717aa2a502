using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>Where a qualification application stands. Sent as <c>applied</c> | <c>recommended</c> | <c>approved</c> | <c>rejected</c>.</summary>
public enum ApplicationState
{
    /// <summary>本人提出申请.</summary>
    Applied = 1,

    /// <summary>经所在单位推荐.</summary>
    Recommended = 2,

    /// <summary>审核同意.</summary>
    Approved = 3,

    /// <summary>审核不同意 (with the reason).</summary>
    Rejected = 4,
}

/// <summary>What the reviewer decides.</summary>
public enum ReviewDecision
{
    /// <summary>同意.</summary>
    Approve = 1,

    /// <summary>不同意.</summary>
    Reject = 2,
}

/// <summary>The facts of one step of an application.</summary>
/// <param name="State">The application's state before the step (null to apply).</param>
/// <param name="LastStepOn">Day of the previous step (null to apply).</param>
/// <param name="On">Day of this step.</param>
/// <param name="Today">Today (China).</param>
/// <param name="Text">The statement, recommendation or review note.</param>
/// <param name="Decision">For a review: approve or reject.</param>
public sealed record ApplicationStepFacts(ApplicationState? State, DateOnly? LastStepOn, DateOnly On, DateOnly Today, string? Text, ReviewDecision? Decision = null);

/// <summary>A step allowed: the application's next state.</summary>
/// <param name="State">Applied, recommended, approved or rejected.</param>
public sealed record ApplicationStepped(ApplicationState State);

/// <summary>An application as the appointment precondition reads it.</summary>
/// <param name="State">Its state.</param>
/// <param name="ReviewedOn">Day of the review, when reviewed.</param>
public sealed record ApplicationRecord(ApplicationState State, DateOnly? ReviewedOn);

/// <summary>
/// 资格申报 (qualification application), <c>yn.application</c>: "申报质量督导人员资格，应按照督导人员的任职条件要求，由本人提出申请，经所在单位推荐，
/// 填写《职业技能等级认定质量督导人员资格申报表》". YN 第十三条.
/// <para>Reading: a workflow in this order, no step skipped — apply (本人, with a statement of how the conditions of YN 6 are
/// met) → recommend (所在单位, with its opinion) → review (the appointing body: approve, or reject with a reason). Each
/// step is dated on or after the one before and not ahead of today. The article then sends the applicant to training and
/// assessment (cards: <c>cn.card.requires-training</c>); the appointment (YN 18 聘任制) is the body's act on an approved
/// application: a first appointment in 53 needs one reviewed on or before its first day. A renewal (续聘) rests on the
/// evaluation of the term (YN 18), not on a new application.</para>
/// </summary>
public static class ApplicationWorkflow
{
    /// <summary>本人提出申请.</summary>
    public static Decision<ApplicationStepped> Apply(ApplicationStepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var v = Dated(facts);
        if (string.IsNullOrWhiteSpace(facts.Text))
            v.Add(Violated("申请须说明符合任职条件的情况（第六条）", "The application states how the conditions (YN 6) are met"));
        return Decision.When(new RuleOutcome(v), () => new ApplicationStepped(ApplicationState.Applied));
    }

    /// <summary>经所在单位推荐.</summary>
    public static Decision<ApplicationStepped> Recommend(ApplicationStepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var v = Dated(facts);
        if (facts.State != ApplicationState.Applied)
            v.Add(Violated($"只有已提出、尚未推荐的申请才能推荐（当前：{facts.State}）", $"Only an application not yet recommended can be recommended (now: {facts.State})"));
        if (string.IsNullOrWhiteSpace(facts.Text))
            v.Add(Violated("所在单位推荐须填写推荐意见", "The employer's recommendation states its opinion"));
        return Decision.When(new RuleOutcome(v), () => new ApplicationStepped(ApplicationState.Recommended));
    }

    /// <summary>审核: approve, or reject with a reason; only after the employer's recommendation.</summary>
    public static Decision<ApplicationStepped> Review(ApplicationStepFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var v = Dated(facts);
        if (facts.State != ApplicationState.Recommended)
            v.Add(Violated(facts.State == ApplicationState.Applied ? "申请尚未经所在单位推荐，不能审核" : $"该申请已审核（{facts.State}）",
                facts.State == ApplicationState.Applied ? "The application is not yet recommended by the employer: it cannot be reviewed" : $"The application was already reviewed ({facts.State})"));
        if (facts.Decision == ReviewDecision.Reject && string.IsNullOrWhiteSpace(facts.Text))
            v.Add(Violated("审核不同意须说明理由", "A rejection states its reason"));
        var state = facts.Decision == ReviewDecision.Approve ? ApplicationState.Approved : ApplicationState.Rejected;
        return Decision.When(new RuleOutcome(v), () => new ApplicationStepped(state));
    }

    /// <summary>A first appointment on <paramref name="start"/> needs an application approved on or before it; a renewal does not.</summary>
    public static RuleOutcome AppointmentAllowed(IEnumerable<ApplicationRecord> applications, bool isRenewal, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(applications);
        if (isRenewal || applications.Any(a => a.State == ApplicationState.Approved && a.ReviewedOn is { } on && on <= start)) return RuleOutcome.Pass;
        return RuleOutcome.Fail(Violated(
            $"依第十三条：聘任须有{start:yyyy-MM-dd}前经本人申请、所在单位推荐并审核同意的资格申报",
            $"YN 13: an appointment needs a qualification application applied for, recommended by the employer and approved on or before {start:yyyy-MM-dd}"));
    }

    private static List<Violation> Dated(ApplicationStepFacts facts)
    {
        var v = new List<Violation>();
        if (facts.On > facts.Today)
            v.Add(Violated($"日期{facts.On:yyyy-MM-dd}晚于今天", $"The day {facts.On:yyyy-MM-dd} is after today"));
        if (facts.LastStepOn is { } last && facts.On < last)
            v.Add(Violated($"日期{facts.On:yyyy-MM-dd}早于上一步（{last:yyyy-MM-dd}）", $"The day {facts.On:yyyy-MM-dd} is before the previous step ({last:yyyy-MM-dd})"));
        return v;
    }

    private static Violation Violated(string zh, string en) => YunnanRules.Application.Violated(new LocalizedText(zh, en));
}
