using SupervisionCore.Kernel.Appointments.Rules;

namespace SupervisionCore.Kernel.Cards;

/// <summary>Where a card stands on a day; derived from dates and sanctions, never stored.</summary>
public enum CardStatus
{
    /// <summary>有效 (valid).</summary>
    Valid = 1,

    /// <summary>已过期 (expired: after its last day of validity).</summary>
    Expired = 2,

    /// <summary>暂停 (suspended: a suspension measure against the holder covers the day).</summary>
    Suspended = 3,

    /// <summary>已收回 (withdrawn: dismissal, revocation).</summary>
    Withdrawn = 4,
}

/// <summary>
/// 证卡有效期 (card validity). The national text gives the card no period of its own: CN 第七条 and the card annex fix the
/// issuer, the style and the number, not a validity. Reading (issue #16 item 6, docs/readings.md): nationally a card has
/// no expiry (<see cref="NoExpiry"/>); it ends when withdrawn (dismissal, revocation), and whether its holder may be
/// dispatched is a matter of appointment and sanctions, not of the card. A pack whose text prints a period declares it
/// through <see cref="Plugins.ICardValidityPolicy"/> (BJ 附件2: "有效期限：2022.06-2025.06", three years as a term).
/// </summary>
public static class CardValidity
{
    /// <summary>The stored last day of a card with no expiry of its own (9999-12-31).</summary>
    public static readonly DateOnly NoExpiry = DateOnly.MaxValue;

    /// <summary>True when <paramref name="validUntil"/> means no expiry.</summary>
    public static bool HasNoExpiry(DateOnly validUntil) => validUntil == NoExpiry;

    /// <summary>
    /// One term from <paramref name="issuedOn"/>: three years less a day, inclusive (<see cref="TermRule.EndOf"/>: issued
    /// 2024-03-01 → 2027-02-28; issued 2024-02-29 → 2027-02-28), for packs whose card period is a term.
    /// </summary>
    public static DateOnly OneTermFrom(DateOnly issuedOn) => TermRule.EndOf(issuedOn);

    /// <summary>
    /// The status on <paramref name="day"/>, in this order: withdrawn (withdrawn on or before the day), suspended (a
    /// suspension of the holder covers the day), expired (<paramref name="validUntil"/> before the day), else valid.
    /// </summary>
    /// <param name="validUntil">Last day of validity.</param>
    /// <param name="withdrawnOn">Day the card was withdrawn, if it was.</param>
    /// <param name="suspensions">The holder's suspensions, first and last day inclusive.</param>
    /// <param name="day">The China calendar day asked about.</param>
    public static CardStatus StatusOn(DateOnly validUntil, DateOnly? withdrawnOn, IEnumerable<(DateOnly From, DateOnly Until)> suspensions, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(suspensions);
        if (withdrawnOn is { } w && w <= day) return CardStatus.Withdrawn;
        if (suspensions.Any(s => s.From <= day && day <= s.Until)) return CardStatus.Suspended;
        return validUntil < day ? CardStatus.Expired : CardStatus.Valid;
    }

    /// <summary>True when a card still counts as held on <paramref name="day"/> (not withdrawn and not expired; a suspended card is still held).</summary>
    public static bool IsHeldOn(DateOnly validUntil, DateOnly? withdrawnOn, DateOnly day) =>
        !(withdrawnOn is { } w && w <= day) && validUntil >= day;
}
