using System.Text.Json;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues;

/// <summary>An occupation and level.</summary>
public sealed record VenueOccupationDto(int Position, string Occupation, string Level);

/// <summary>An equipment line.</summary>
public sealed record VenueEquipmentDto(int Position, string Name, string? Model, string? Spec, int Quantity);

/// <summary>A registered venue (BJ 23) and the facts an inspection must check.</summary>
public sealed record VenueDto(
    Guid Id, Guid InstitutionId, string Jurisdiction, string Name, string Address,
    IReadOnlyList<VenueOccupationDto> Occupations, IReadOnlyList<VenueEquipmentDto> Equipment,
    IReadOnlyList<string> CheckSubjects, DateTimeOffset RegisteredAt)
{
    public static VenueDto From(Venue v) => new(v.Id, v.InstitutionId, v.Jurisdiction, v.Name, v.Address,
        [.. v.Occupations.OrderBy(o => o.Position).Select(o => new VenueOccupationDto(o.Position, o.Occupation, o.Level))],
        [.. v.Equipment.OrderBy(e => e.Position).Select(e => new VenueEquipmentDto(e.Position, e.Name, e.Model, e.Spec, e.Quantity))],
        VenueCheckRule.Subjects(v.Occupations.Count, v.Equipment.Count), v.RegisteredAt);
}

/// <summary>One checked fact.</summary>
public sealed record InspectionItemDto(string Subject, string Result, string? Note);

/// <summary>A venue inspection (annex 5).</summary>
public sealed record InspectionDto(
    Guid Id, Guid VenueId, Guid SupervisorId, DateOnly CheckedOn, bool Matches, string FormId, int FormVersion,
    IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<InspectionItemDto> Items, string Rule, DateTimeOffset RecordedAt)
{
    public static InspectionDto From(VenueInspection i) => new(i.Id, i.VenueId, i.SupervisorId, i.CheckedOn, i.Matches, i.FormId, i.FormVersion,
        JsonSerializer.Deserialize<Dictionary<string, string?>>(i.Answers) ?? [],
        [.. i.Items.OrderBy(x => x.Position).Select(x => new InspectionItemDto(x.Subject, x.Matches ? VenueCheckRule.Matches : VenueCheckRule.DoesNotMatch, x.Note))],
        BeijingEtdzRules.VenueInspection.Id, i.RecordedAt);
}
