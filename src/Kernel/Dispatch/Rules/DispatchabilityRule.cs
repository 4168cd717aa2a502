using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch.Rules;

/// <summary>
/// 可委派 (dispatchable): "委派机构从取得《技能人才评价质量督导员》证卡的人员中采取随机抽调的方式派遣" — supervisors are drawn
/// from card holders: on the day of the activity the person holds a valid card and is not suspended, revoked, dismissed
/// or barred (<c>cn.dispatch.random</c>). CN 第八条. Returns every reason, not just the first.
/// <para>Reading: an appointment (聘用) is not a national condition of dispatch — CN 8's second paragraph says the body
/// "也可" (may also) sign an appointment. A pack whose text makes it one (BJ 11 "实行聘任制", YN 18) adds an
/// <see cref="AppointmentBeforeDispatchRule"/> (docs/readings.md).</para>
/// </summary>
public sealed class DispatchabilityRule : IRuleExtension
{
    /// <inheritdoc />
    public string PackId => NationalRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => JurisdictionCode.National;

    /// <inheritdoc />
    public RuleDescriptor Rule => NationalRules.DispatchRandom;

    /// <summary>Judges whether the supervisor can be put in the pool for an activity on <paramref name="day"/>.</summary>
    public RuleOutcome Check(DispatchStanding standing, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(standing);
        var violations = new List<Violation>();
        if (standing.Card is not { } card)
            violations.Add(Violated("未取得质量督导员证卡", "Holds no supervisor card"));
        else if (day < card.IssuedOn)
            violations.Add(Violated($"证卡于{card.IssuedOn:yyyy-MM-dd}颁发，{day:yyyy-MM-dd}尚未持证", $"The card was issued on {card.IssuedOn:yyyy-MM-dd}, after {day:yyyy-MM-dd}"));
        else if (!card.IsValidOn(day))
            violations.Add(Violated($"证卡自{card.WithdrawnOn:yyyy-MM-dd}起已失效（收回或期满）", $"The card no longer holds from {card.WithdrawnOn:yyyy-MM-dd} (withdrawn or expired)"));
        foreach (var s in standing.Suspensions.Where(s => s.Contains(day)))
            violations.Add(Violated($"{s}暂停委派", $"Dispatch suspended {s}"));
        if (standing.QualificationRevokedOn is { } revoked && revoked <= day)
            violations.Add(Violated($"督导资格已于{revoked:yyyy-MM-dd}取消", $"The qualification was revoked with effect from {revoked:yyyy-MM-dd}"));
        if (standing.DismissedOn is { } dismissed && dismissed <= day)
            violations.Add(Violated($"已于{dismissed:yyyy-MM-dd}解聘", $"Dismissed with effect from {dismissed:yyyy-MM-dd}"));
        if (standing.BannedOn is { } banned && banned <= day)
            violations.Add(Violated($"自{banned:yyyy-MM-dd}起不得从事质量督导工作", $"Barred from supervision since {banned:yyyy-MM-dd}"));
        return new RuleOutcome(violations);
    }

    private Violation Violated(string zh, string en) => Rule.Violated(new LocalizedText(zh, en));
}
