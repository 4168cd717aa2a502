namespace SupervisionCore.Plugins.Yunnan.Features.Learning.GetYear;

/// <summary>Whether a learning year is closed in the caller's part of Yunnan, and what the close decided.</summary>
/// <param name="Year" example="2025">Learning year.</param>
/// <param name="Scope" example="53">The part of Yunnan.</param>
/// <param name="Closed" example="true">Closed.</param>
/// <param name="ClosedOn" example="2026-01-05">Day closed.</param>
/// <param name="Decisions">What the close decided.</param>
/// <param name="NoSessionHeld">Who the close did not judge: their institution held no session they could attend.</param>
public sealed record Response(int Year, string Scope, bool Closed, DateOnly? ClosedOn, IReadOnlyList<ConsequenceDto> Decisions, IReadOnlyList<NoSessionDto>? NoSessionHeld = null);
