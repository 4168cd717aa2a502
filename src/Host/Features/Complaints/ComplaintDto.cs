using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Kernel.Complaints;

namespace SupervisionCore.Host.Features.Complaints;

/// <summary>
/// A complaint as the supervising staff see it. The reporter's contact is only ever shown masked; nothing here
/// identifies the reporter beyond that.
/// </summary>
/// <param name="Id" example="0193a5c6-0a11-7b22-8c33-4d5e6f708192">The complaint.</param>
/// <param name="TrackingCode" example="K7Q2M9X4TB3C">What the reporter was given.</param>
/// <param name="Jurisdiction" example="44">Where the evaluation work complained about took place.</param>
/// <param name="InstitutionId">The institution complained about, when known.</param>
/// <param name="InstitutionName" example="某职业技能评价机构">The institution as the reporter named it.</param>
/// <param name="Source" example="public">public (群众举报) | media (媒体报道).</param>
/// <param name="Text" example="某机构考场存在替考现象">What is reported.</param>
/// <param name="ContactMasked" example="139****5678">The reporter's contact, masked; null for an anonymous report.</param>
/// <param name="State" example="received">received | investigating | referred | dismissed | concluded.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="TriagedAt">When it was triaged.</param>
/// <param name="Reason">Why it was dismissed or referred.</param>
/// <param name="ReferredTo">The jurisdiction it was referred to.</param>
/// <param name="TaskId">The special supervision task investigating it.</param>
/// <param name="ConcludedAt">When the finding was recorded.</param>
/// <param name="Finding" example="substantiated">substantiated | partly-substantiated | unsubstantiated.</param>
/// <param name="Conclusion">The finding's summary.</param>
public sealed record ComplaintDto(
    Guid Id, string TrackingCode, string Jurisdiction, Guid? InstitutionId, string? InstitutionName, string Source, string Text, string? ContactMasked,
    string State, DateTimeOffset ReceivedAt, DateTimeOffset? TriagedAt, string? Reason, string? ReferredTo, Guid? TaskId, DateTimeOffset? ConcludedAt,
    string? Finding, string? Conclusion)
{
    public static ComplaintDto From(Complaint c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Id, c.TrackingCode, c.Jurisdiction, c.InstitutionId, c.InstitutionName, c.Source, c.Text, c.ContactMasked, c.State, c.ReceivedAt,
            c.TriagedAt, c.Reason, c.ReferredTo, c.TaskId, c.ConcludedAt, c.Finding, c.Conclusion);
    }
}

/// <summary>The text forms of the complaint enums, as stored and sent.</summary>
public static class ComplaintText
{
    public static string Of(ComplaintState state) => state switch
    {
        ComplaintState.Received => "received",
        ComplaintState.Investigating => "investigating",
        ComplaintState.Referred => "referred",
        ComplaintState.Dismissed => "dismissed",
        ComplaintState.Concluded => "concluded",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static ComplaintState State(string text) => text switch
    {
        "received" => ComplaintState.Received,
        "investigating" => ComplaintState.Investigating,
        "referred" => ComplaintState.Referred,
        "dismissed" => ComplaintState.Dismissed,
        "concluded" => ComplaintState.Concluded,
        _ => throw new ArgumentException($"Unknown complaint state '{text}'.", nameof(text)),
    };

    public static readonly string[] States = ["received", "investigating", "referred", "dismissed", "concluded"];

    public static readonly string[] Findings = ["substantiated", "partly-substantiated", "unsubstantiated"];

    public static readonly string[] Sources = ["public", "media"];
}
