using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Plugins;

/// <summary>When an eligibility rule is checked.</summary>
[Flags]
public enum EligibilityStages
{
    /// <summary>Never (not a valid declaration; the zero value).</summary>
    None = 0,

    /// <summary>At registration and appointment (聘任).</summary>
    Appointment = 1,

    /// <summary>At every dispatch (委派), on the date of the activity.</summary>
    Dispatch = 2,

    /// <summary>Both.</summary>
    Both = Appointment | Dispatch,
}

/// <summary>The facts an eligibility rule judges.</summary>
/// <param name="Candidate">The person.</param>
/// <param name="Stage">Appointment or dispatch (one flag).</param>
/// <param name="OnDate">The date of the act in China time (appointment date, or first day of the activity).</param>
/// <param name="Task">The task for a dispatch check; null for an appointment.</param>
public sealed record EligibilityContext(CandidateInfo Candidate, EligibilityStages Stage, DateOnly OnDate, TaskInfo? Task = null);

/// <summary>
/// 任职条件 (eligibility): a condition a person must meet to be appointed or dispatched (BJ age limit, GD/YN
/// experience). Pure: no clock, the date of the act is <see cref="EligibilityContext.OnDate"/>. Returns every
/// violation of its rule, never throws for missing facts (a missing fact is a violation).
/// </summary>
public interface IEligibilityRule : IRuleExtension
{
    /// <summary>When the rule is checked.</summary>
    EligibilityStages Stages { get; }

    /// <summary>Judges the candidate.</summary>
    RuleOutcome Check(EligibilityContext context);
}
