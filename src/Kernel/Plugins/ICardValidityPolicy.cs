using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>
/// 证卡有效期 (card validity policy), an extension point a pack fills when its source text gives a card a period of its own
/// (kernel contract 1.x, additive). The national text gives none (CN 第七条 and the card annex define issuer, style and
/// number, not a period), so without a policy a card has no expiry of its own: it ends when withdrawn (dismissal,
/// revocation). BJ fills it with three years (BJ 附件2 card sample: "有效期限：2022.06-2025.06"). The most specific policy
/// whose scope contains the issuer's jurisdiction governs.
/// </summary>
public interface ICardValidityPolicy : IRuleExtension
{
    /// <summary>The last day (inclusive) a card of <paramref name="kind"/> issued on <paramref name="issuedOn"/> is valid; null for no expiry.</summary>
    DateOnly? ValidUntil(SupervisorKind kind, DateOnly issuedOn);
}
