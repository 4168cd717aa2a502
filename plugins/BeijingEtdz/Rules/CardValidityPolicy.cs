using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>
/// 证卡有效期 (card validity) in E-Town, BJ 附件2 and 第十四条 (<c>bj.card.validity</c>): the internal card sample prints
/// "有效期限：2022.06-2025.06", three years from issue, the length of a term (聘期为3年). Reading: an internal card issued
/// in 11.ETDZ is valid from its issue date to three years less a day, inclusive (issued 2025-06-01 → 2028-05-31), as a
/// term of appointment. External cards are not E-Town's (issued by Beijing's centre): they keep the national answer, no
/// expiry of their own.
/// </summary>
public sealed class CardValidityPolicy : ICardValidityPolicy
{
    /// <inheritdoc />
    public string PackId => BeijingEtdzRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => BeijingEtdzRules.Jurisdiction;

    /// <inheritdoc />
    public RuleDescriptor Rule => BeijingEtdzRules.CardValidity;

    /// <inheritdoc />
    public DateOnly? ValidUntil(SupervisorKind kind, DateOnly issuedOn) =>
        kind == SupervisorKind.Internal ? CardValidity.OneTermFrom(issuedOn) : null;
}
