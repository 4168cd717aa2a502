using System.Text.Json;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues;

/// <summary>An occupation and level.</summary>
/// <param name="Position" example="1">Registered position.</param>
/// <param name="Occupation" example="电工">Occupation.</param>
/// <param name="Level" example="四级">职业技能等级.</param>
public sealed record VenueOccupationDto(int Position, string Occupation, string Level);

/// <summary>An equipment line.</summary>
/// <param name="Position" example="1">Registered position.</param>
/// <param name="Name" example="电工实训考核装置">设备名称.</param>
/// <param name="Model" example="THWD-1">型号.</param>
/// <param name="Spec" example="380V/5kW">规格.</param>
/// <param name="Quantity" example="20">数量.</param>
public sealed record VenueEquipmentDto(int Position, string Name, string? Model, string? Spec, int Quantity);

/// <summary>A registered venue (BJ 23) and the facts an inspection must check.</summary>
/// <param name="Id" example="0193a5c7-3a10-7b2c-8d4e-5f6a7b8c9d0e">Venue id.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution.</param>
/// <param name="Jurisdiction" example="11.ETDZ">Jurisdiction.</param>
/// <param name="Name" example="亦庄职业技能评价中心第一考场">Venue name.</param>
/// <param name="Address" example="北京经济技术开发区荣华中路10号">Address.</param>
/// <param name="Occupations">Registered occupations and levels.</param>
/// <param name="Equipment">Registered equipment.</param>
/// <param name="CheckSubjects" example='["name", "address", "occupation-1", "equipment-1"]'>The facts an inspection must check.</param>
/// <param name="RegisteredAt" example="2025-05-20T10:00:00+08:00">Registered at.</param>
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
/// <param name="Subject" example="equipment-1">The checked fact.</param>
/// <param name="Result" example="does-not-match">matches | does-not-match.</param>
/// <param name="Note" example="实训考核装置实有18台，备案为20台">What differs.</param>
public sealed record InspectionItemDto(string Subject, string Result, string? Note);

/// <summary>A venue inspection (annex 5).</summary>
/// <param name="Id" example="0193a5c7-4b21-7c3d-9e5f-6a7b8c9d0e1f">Inspection id.</param>
/// <param name="VenueId" example="0193a5c7-3a10-7b2c-8d4e-5f6a7b8c9d0e">The venue.</param>
/// <param name="SupervisorId" example="0193a5c4-7e21-7b3c-9d42-5f1e8a6b2c10">The inspecting supervisor.</param>
/// <param name="CheckedOn" example="2025-06-01">Day of the check.</param>
/// <param name="Matches" example="false">Every fact matches the filing.</param>
/// <param name="FormId" example="bj-etdz.annex-5">Form id (annex 5).</param>
/// <param name="FormVersion" example="1">Form version.</param>
/// <param name="Answers" example='{"matches-filing": "no", "checked-on": "2025-06-01", "inspector-signature": "刘国庆"}'>Annex 5 answers by key.</param>
/// <param name="Items">Every checked fact.</param>
/// <param name="Rule" example="bj.venue.inspection">Rule id.</param>
/// <param name="RecordedAt" example="2025-06-01T16:30:00+08:00">Recorded at.</param>
public sealed record InspectionDto(
    Guid Id, Guid VenueId, Guid SupervisorId, DateOnly CheckedOn, bool Matches, string FormId, int FormVersion,
    IReadOnlyDictionary<string, string?> Answers, IReadOnlyList<InspectionItemDto> Items, string Rule, DateTimeOffset RecordedAt)
{
    public static InspectionDto From(VenueInspection i) => new(i.Id, i.VenueId, i.SupervisorId, i.CheckedOn, i.Matches, i.FormId, i.FormVersion,
        JsonSerializer.Deserialize<Dictionary<string, string?>>(i.Answers) ?? [],
        [.. i.Items.OrderBy(x => x.Position).Select(x => new InspectionItemDto(x.Subject, x.Matches ? VenueCheckRule.Matches : VenueCheckRule.DoesNotMatch, x.Note))],
        BeijingEtdzRules.VenueInspection.Id, i.RecordedAt);
}
