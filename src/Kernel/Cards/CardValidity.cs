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
/// 证卡有效期 (card validity). The national text gives no period for the card itself; the card is the proof of a
/// supervisor's qualification for a term of appointment (CN 第八条: three years), and the BJ card sample prints the
/// period as "2022.06-2025.06". Reading: a card is valid from its issue date for one term — three years less a day,
/// inclusive (<see cref="TermRule.EndOf"/>: issued 2024-03-01 → valid until 2027-02-28; issued 2024-02-29 → 2027-02-28).
/// </summary>
public static class CardValidity
{
    /// <summary>The last day (inclusive) on which a card issued on <paramref name="issuedOn"/> is valid.</summary>
    public static DateOnly ValidUntil(DateOnly issuedOn) => TermRule.EndOf(issuedOn);

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
