using SupervisionCore.Kernel.Calendar;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>What a deadline is for.</summary>
public enum DeadlineSubject
{
    /// <summary>The supervisor's record or report (督导情况记录表).</summary>
    SupervisionRecord = 1,

    /// <summary>The institution's feedback on the supervisor (情况反馈表).</summary>
    InstitutionFeedback = 2,
}

/// <summary>
/// 时限 (deadline policy): a filing is due a number of working days after the supervision ends (GD 20, BJ 22/26).
/// Late filing is flagged, not refused.
/// </summary>
public interface IDeadlinePolicy : IRuleExtension
{
    /// <summary>What the deadline is for.</summary>
    DeadlineSubject Subject { get; }

    /// <summary>Working days allowed after the end date.</summary>
    int WorkingDaysAllowed { get; }

    /// <summary>The due date after a supervision ending on <paramref name="end"/> (China date), on <paramref name="calendar"/>.</summary>
    WorkingDayDeadline DueAfter(DateOnly end, IWorkingDayCalendar calendar);
}
