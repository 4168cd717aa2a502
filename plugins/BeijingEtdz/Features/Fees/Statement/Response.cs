namespace SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Statement;

/// <summary>A month's fee statement (劳务费发放明细) of the zone's external supervisors under bj.fee.schedule (BJ 27).</summary>
public sealed class Response
{
    /// <summary>The month, <c>YYYY-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>Jurisdiction (<c>11.ETDZ</c>).</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Per supervisor: lines and totals, by name.</summary>
    public required IReadOnlyList<StatementSupervisor> Supervisors { get; init; }

    /// <summary>Total of the month, yuan.</summary>
    public required decimal Total { get; init; }

    /// <summary>Rates applied in this month (each period at the rate in force on the day it starts).</summary>
    public required IReadOnlyList<StatementRate> Rates { get; init; }

    /// <summary>The rule applied.</summary>
    public required Quote.AppliedRule Rule { get; init; }
}

/// <summary>One supervisor's month.</summary>
public sealed class StatementSupervisor
{
    public required string SupervisorId { get; init; }
    public required string Name { get; init; }
    /// <summary>Periods (activities) billed as half days.</summary>
    public required int HalfDays { get; init; }
    /// <summary>Periods (activities) billed as full days.</summary>
    public required int Days { get; init; }
    /// <summary>Yuan.</summary>
    public required decimal Total { get; init; }
    /// <summary>Per activity (billed period), in order.</summary>
    public required IReadOnlyList<StatementLine> Lines { get; init; }
}

/// <summary>One billed activity (or 24-hour period of a longer one) of one task.</summary>
public sealed class StatementLine
{
    /// <summary>The China day the period starts, <c>yyyy-MM-dd</c>.</summary>
    public required DateOnly Date { get; init; }
    public required string TaskId { get; init; }
    /// <summary>Task kind (<c>daily</c>, <c>competition-in-progress</c>, …).</summary>
    public required string TaskKind { get; init; }
    public required string InstitutionId { get; init; }
    public required string AssignmentId { get; init; }
    /// <summary>Start of the period (China time).</summary>
    public required DateTimeOffset From { get; init; }
    /// <summary>End of the period (China time).</summary>
    public required DateTimeOffset To { get; init; }
    public required int Minutes { get; init; }
    public required decimal Hours { get; init; }
    /// <summary><c>half-day</c>, <c>day</c> or <c>none</c>.</summary>
    public required string Unit { get; init; }
    /// <summary>Yuan.</summary>
    public required decimal Amount { get; init; }
    /// <summary>First day of the rate applied.</summary>
    public required DateOnly RateFrom { get; init; }
}

/// <summary>A rate version.</summary>
public sealed class StatementRate
{
    public required DateOnly EffectiveFrom { get; init; }
    public required decimal HalfDay { get; init; }
    public required decimal Day { get; init; }
    /// <summary>Longest attendance (minutes, inclusive) billed as a half day.</summary>
    public required int HalfDayMaxMinutes { get; init; }
    /// <summary>The parameter values the rate is made of (bj.fee.per-activity.*), each with its effective date.</summary>
    public required IReadOnlyList<Quote.AppliedParameterDto> Parameters { get; init; }
}
