using SupervisionCore.Kernel.Appointments.Rules;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch.Rules;

/// <summary>
/// 可委派 (dispatchable): supervisors are drawn from active card holders (从取得证卡的人员中随机抽调): on the day of the
/// activity the person has an active term (<c>cn.appointment.term</c>), a valid card, and is not suspended, revoked or
/// barred (<c>cn.dispatch.random</c>). CN 第八条. Returns every reason, not just the first.
/// </summary>
public sealed class DispatchabilityRule : IRuleExtension
{
    private readonly TermRule _term = new();

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
        var violations = new List<Violation>(_term.CheckAnyActiveOn(standing.Terms, day).Violations);
        if (standing.Card is not { } card)
            violations.Add(Violated("未取得质量督导员证卡", "Holds no supervisor card"));
        else if (day < card.IssuedOn)
            violations.Add(Violated($"证卡于{card.IssuedOn:yyyy-MM-dd}颁发，{day:yyyy-MM-dd}尚未持证", $"The card was issued on {card.IssuedOn:yyyy-MM-dd}, after {day:yyyy-MM-dd}"));
        else if (!card.IsValidOn(day))
            violations.Add(Violated($"证卡已于{card.WithdrawnOn:yyyy-MM-dd}收回", $"The card was withdrawn with effect from {card.WithdrawnOn:yyyy-MM-dd}"));
        foreach (var s in standing.Suspensions.Where(s => s.Contains(day)))
            violations.Add(Violated($"{s}暂停委派", $"Dispatch suspended {s}"));
        if (standing.QualificationRevokedOn is { } revoked && revoked <= day)
            violations.Add(Violated($"督导资格已于{revoked:yyyy-MM-dd}取消", $"The qualification was revoked with effect from {revoked:yyyy-MM-dd}"));
        if (standing.BannedOn is { } banned && banned <= day)
            violations.Add(Violated($"自{banned:yyyy-MM-dd}起不得从事质量督导工作", $"Barred from supervision since {banned:yyyy-MM-dd}"));
        return new RuleOutcome(violations);
    }

    private Violation Violated(string zh, string en) => Rule.Violated(new LocalizedText(zh, en));
}
