using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Yunnan.Rules;

/// <summary>
/// 连续拒绝指派 (refusal limit): "连续3次不接受指派的,由质量督导人员证卡核发机构取消其督导资格". YN 第十九条
/// (<c>yn.dispatch.refusal-limit</c>).
/// <para>Readings: "连续3次" counts the supervisor's answers in the order given (oldest first, by day): the refusals since
/// the last acceptance, this one included; an acceptance resets the count. Every refusal counts, with or without a reason
/// (the article does not distinguish). Applies to external and internal supervisors alike (质量督导人员).</para>
/// <para>The number is a parameter (<c>yn.dispatch.refusal-limit.consecutive</c>, default 3, docs/parameters.md), read at
/// the day of the answer and cited in a revocation.</para>
/// </summary>
public sealed class RefusalLimitRule : ILifecycleRule, IParameterised<RefusalLimitRule>
{
    /// <summary>Consecutive refusals that revoke the qualification in the seed ("连续3次"): the parameter's default.</summary>
    public const int Limit = 3;

    private readonly ParameterSet _parameters;

    /// <summary>The rule at the seed's limit (three).</summary>
    public RefusalLimitRule() : this(ParameterSet.Empty)
    {
    }

    private RefusalLimitRule(ParameterSet parameters) => _parameters = parameters;

    /// <summary>The rule reading its limit from <paramref name="parameters"/>.</summary>
    public RefusalLimitRule With(ParameterSet parameters) => new(parameters ?? throw new ArgumentNullException(nameof(parameters)));

    /// <inheritdoc />
    public string PackId => YunnanRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => YunnanRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => YunnanRules.DispatchRefusalLimit;

    /// <inheritdoc />
    public LifecycleDecision? OnAnswer(DispatchAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Response != DispatchResponse.Refused) return null;
        var consecutive = 1 + ConsecutiveRefusals(answer.Earlier);
        var applied = _parameters.At(YunnanParameters.RefusalLimit, answer.On);
        if (consecutive < applied.AsInt()) return null;
        return new LifecycleDecision(answer.SupervisorId, LifecycleAction.RevokeQualification, Rule.Violated(new LocalizedText(
            $"依第十九条：连续{consecutive}次不接受指派（参数 {applied}），取消督导资格（撤回证卡、解除聘任、列入失信黑名单）。",
            $"YN 19: {consecutive} consecutive refusals of dispatch (parameter {applied}) revoke the qualification (card withdrawn, appointment ended, blacklisted).")));
    }

    /// <summary>Refusals after the last acceptance among <paramref name="earlier"/> (stable order by day, oldest first).</summary>
    public static int ConsecutiveRefusals(IEnumerable<DispatchHistoryEntry> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var count = 0;
        foreach (var entry in earlier.OrderBy(e => e.ActivityDate))
        {
            if (entry.Response == DispatchResponse.Accepted) count = 0;
            else if (entry.Response == DispatchResponse.Refused) count++;
        }
        return count;
    }
}
