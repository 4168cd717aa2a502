using SupervisionCore.Host.Errors;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Sanctions;

namespace SupervisionCore.Host.Features.Supervisors.Sanctions.Decide;

public sealed class Request
{
    /// <example>0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10</example>
    public Guid Id { get; set; }
    /// <summary>criticism | suspension | dismissal | revocation | ban; or a measure of an enabled pack (GD 21: notify-employer, non-renewal, judicial-referral).</summary>
    /// <example>suspension</example>
    public string Measure { get; set; } = string.Empty;
    /// <summary>CN 17: unauthorised-participation | refusal-without-reason | not-performing-duties | bad-influence; or other; or a ground of an enabled pack (GD 21: gd.dereliction …) for a supervisor in its jurisdiction.</summary>
    /// <example>not-performing-duties</example>
    public string Ground { get; set; } = string.Empty;
    /// <example>2025年6月1日督导中未按规定全程在岗，见评价机构反馈意见</example>
    public string? EvidenceNote { get; set; }
    /// <summary>Day of the decision; a dismissal or revocation takes effect on it.</summary>
    /// <example>2025-06-01</example>
    public DateOnly Date { get; set; }
    /// <summary>For a suspension: first day.</summary>
    /// <example>2025-06-02</example>
    public DateOnly? SuspendedFrom { get; set; }
    /// <summary>For a suspension: last day (included).</summary>
    /// <example>2025-12-01</example>
    public DateOnly? SuspendedUntil { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        // National keys, then the enabled packs' own (ISanctionGrounds); whether a pack key applies to this supervisor is judged by the endpoint.
        var packs = Resolve<IEnumerable<ISanctionGrounds>>().ToList();
        string[] measures = [.. SanctionTexts.Measures.Keys, .. packs.SelectMany(p => p.Measures).Select(m => m.Key).Distinct()];
        string[] grounds = [.. SanctionTexts.Grounds.Keys, .. packs.SelectMany(p => p.Grounds).Where(g => g.Target == SanctionTarget.Supervisor).Select(g => g.Key).Distinct()];
        RuleFor(r => r.Measure).Must(m => measures.Contains(m)).WithMessage(_ => ValidationLanguage.Text($"'measure' 应为以下之一：{string.Join("、", measures)}", $"'measure' must be {Or(measures)}"));
        RuleFor(r => r.Ground).Must(g => grounds.Contains(g)).WithMessage(_ => ValidationLanguage.Text($"'ground' 应为以下之一：{string.Join("、", grounds)}", $"'ground' must be {Or(grounds)}"));
        RuleFor(r => r.EvidenceNote).MaximumLength(2000);
        RuleFor(r => r.Date).NotEmpty();
        RuleFor(r => r.SuspendedFrom).NotNull().When(r => r.Measure == "suspension").WithMessage("a suspension needs 'suspendedFrom'");
        RuleFor(r => r.SuspendedUntil).NotNull().When(r => r.Measure == "suspension").WithMessage("a suspension needs 'suspendedUntil'");
        RuleFor(r => r.SuspendedUntil).GreaterThanOrEqualTo(r => r.SuspendedFrom).When(r => r.Measure == "suspension" && r.SuspendedFrom is not null);
        RuleFor(r => r.SuspendedFrom).Null().When(r => r.Measure != "suspension").WithMessage("only a suspension has 'suspendedFrom'");
        RuleFor(r => r.SuspendedUntil).Null().When(r => r.Measure != "suspension").WithMessage("only a suspension has 'suspendedUntil'");
    }

    private static string Or(string[] keys) => keys.Length == 1 ? keys[0] : $"{string.Join(", ", keys[..^1])} or {keys[^1]}";
}

/// <summary>The wire names of measures and grounds.</summary>
internal static class SanctionTexts
{
    public static readonly Dictionary<string, SupervisorSanctionMeasure> Measures = new()
    {
        ["criticism"] = SupervisorSanctionMeasure.Criticism, ["suspension"] = SupervisorSanctionMeasure.Suspension,
        ["dismissal"] = SupervisorSanctionMeasure.Dismissal, ["revocation"] = SupervisorSanctionMeasure.Revocation, ["ban"] = SupervisorSanctionMeasure.Ban,
    };

    public static readonly Dictionary<string, SupervisorSanctionGround> Grounds = new()
    {
        ["unauthorised-participation"] = SupervisorSanctionGround.UnauthorisedParticipation,
        ["refusal-without-reason"] = SupervisorSanctionGround.RefusalWithoutReason,
        ["not-performing-duties"] = SupervisorSanctionGround.NotPerformingDuties,
        ["bad-influence"] = SupervisorSanctionGround.BadInfluence,
        ["other"] = SupervisorSanctionGround.Other,
    };
}

/// <summary>A sanction decided against a supervisor.</summary>
public sealed record SanctionDto(
    Guid Id, Guid SupervisorId, string Measure, string Ground, string? EvidenceNote, string DecidedBy, DateOnly DecidedOn,
    DateOnly? SuspendedFrom, DateOnly? SuspendedUntil, IReadOnlyList<string> Rules, DateTimeOffset CreatedAt)
{
    internal static SanctionDto From(SupervisorSanction s) => new(
        s.Id, s.SupervisorId, s.Measure, s.Ground, s.EvidenceNote, s.DecidedBy, s.DecidedOn, s.SuspendedFrom, s.SuspendedUntil, s.Rules, s.CreatedAt);
}

/// <summary>The decision with its effects: appointments ended and cards withdrawn on the day of the decision, registry bars recorded.</summary>
public sealed record Response(SanctionDto Sanction, IReadOnlyList<Guid> TerminatedAppointments, IReadOnlyList<string> WithdrawnCards, IReadOnlyList<RegistryBarDto> Bars);
