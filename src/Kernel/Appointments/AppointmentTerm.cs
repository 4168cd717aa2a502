using SupervisionCore.Kernel.Appointments.Rules;

namespace SupervisionCore.Kernel.Appointments;

/// <summary>Where an appointment stands on a day; derived from its dates, never stored.</summary>
public enum AppointmentStatus
{
    /// <summary>The term has not started.</summary>
    NotStarted = 1,

    /// <summary>聘期内 (in its term).</summary>
    Active = 2,

    /// <summary>聘期届满自动解聘 (ended by itself after its last day).</summary>
    Expired = 3,

    /// <summary>Ended early (解聘 dismissal, revocation).</summary>
    Terminated = 4,
}

/// <summary>
/// 聘期 (one term of appointment): starts on <see cref="Start"/> and ends by itself on <see cref="End"/>
/// (<see cref="TermRule.EndOf"/>: three years less a day, inclusive), unless ended early.
/// </summary>
/// <param name="Start">First day of the term (China calendar day).</param>
/// <param name="TerminatedOn">
/// When ended early: the first day on which the appointment no longer holds (the effective day of a dismissal).
/// Ignored when after <see cref="End"/>.
/// </param>
public sealed record AppointmentTerm(DateOnly Start, DateOnly? TerminatedOn = null)
{
    /// <summary>Last day of the full term.</summary>
    public DateOnly End => TermRule.EndOf(Start);

    /// <summary>True when ended early (on or before <see cref="End"/>).</summary>
    public bool IsTerminatedEarly => TerminatedOn is { } t && t <= End;

    /// <summary>The last day on which the appointment held (the day before an early end, else <see cref="End"/>).</summary>
    public DateOnly LastDay => IsTerminatedEarly ? TerminatedOn!.Value.AddDays(-1) : End;

    /// <summary>The status on <paramref name="day"/>.</summary>
    public AppointmentStatus StatusOn(DateOnly day) =>
        day < Start ? AppointmentStatus.NotStarted
        : IsTerminatedEarly && day >= TerminatedOn!.Value ? AppointmentStatus.Terminated
        : day > End ? AppointmentStatus.Expired
        : AppointmentStatus.Active;

    /// <summary>True when the appointment holds on <paramref name="day"/>.</summary>
    public bool IsActiveOn(DateOnly day) => StatusOn(day) == AppointmentStatus.Active;
}

/// <summary>The result of one annual or periodic assessment (考核) of a supervisor by the dispatching body. CN 第十一条.</summary>
/// <param name="On">China calendar day the result was recorded.</param>
/// <param name="Passed">合格 (passed) or 不合格 (failed).</param>
public sealed record AssessmentResult(DateOnly On, bool Passed);
