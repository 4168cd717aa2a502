using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Kernel.Dispatch;

/// <summary>A supervisor's card (证卡) as dispatch sees it.</summary>
/// <param name="Number">The card number.</param>
/// <param name="IssuedOn">Day of issue.</param>
/// <param name="WithdrawnOn">First day the card no longer holds (收回/注销), or null.</param>
public sealed record CardStanding(string Number, DateOnly IssuedOn, DateOnly? WithdrawnOn = null)
{
    /// <summary>True when the card holds on <paramref name="day"/>.</summary>
    public bool IsValidOn(DateOnly day) => day >= IssuedOn && (WithdrawnOn is null || day < WithdrawnOn);
}

/// <summary>The facts that decide whether a supervisor can be dispatched at all on a day (before any recusal).</summary>
public sealed record DispatchStanding
{
    /// <summary>The supervisor's terms with the dispatching body (any order).</summary>
    public IReadOnlyList<AppointmentTerm> Terms { get; init; } = [];

    /// <summary>The card, or null when none was issued.</summary>
    public CardStanding? Card { get; init; }

    /// <summary>Periods in which dispatch is suspended (暂停委派), both ends included.</summary>
    public IReadOnlyList<DateRange> Suspensions { get; init; } = [];

    /// <summary>First day on which the qualification is revoked (取消资格), or null.</summary>
    public DateOnly? QualificationRevokedOn { get; init; }

    /// <summary>First day on which the person is barred from supervision (e.g. listed as dishonest), or null.</summary>
    public DateOnly? BannedOn { get; init; }

    /// <summary>First day on which the person is dismissed (解聘, CN 第十七条), or null.</summary>
    public DateOnly? DismissedOn { get; init; }

    /// <summary>True when one of <see cref="Terms"/> is in force on <paramref name="day"/>.</summary>
    public bool IsAppointedOn(DateOnly day) => Terms.Any(t => t.IsActiveOn(day));
}
