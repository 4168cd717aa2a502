namespace SupervisionCore.Kernel.Records;

/// <summary>What a deadline is for.</summary>
public enum DeadlineSubject
{
    /// <summary>The supervisor's record or report (督导情况记录表).</summary>
    SupervisionRecord = 1,

    /// <summary>The institution's feedback on the supervisor (情况反馈表).</summary>
    InstitutionFeedback = 2,
}
