using SupervisionCore.Kernel;
using System.Globalization;
using System.Text.Json;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Access;
using SupervisionCore.Plugins.BeijingEtdz.Data;
using SupervisionCore.Plugins.BeijingEtdz.Forms;
using SupervisionCore.Plugins.BeijingEtdz.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Venues.Inspect;

public sealed class Request
{
    /// <summary>The venue.</summary>
    /// <example>0193a5c7-3a10-7b2c-8d4e-5f6a7b8c9d0e</example>
    public Guid Id { get; set; }

    /// <summary>
    /// Annex 5 answers the supervisor gives: <c>matches-filing</c> (yes/no), <c>checked-on</c> (YYYY-MM-DD) and the
    /// signatures <c>organisation-seal</c>, <c>inspector-signature</c>, <c>inspecting-body-seal</c>. The organisation, venue
    /// name, address and occupations are filled from the registration.
    /// </summary>
    /// <example>{"matches-filing": "yes", "checked-on": "2025-06-01", "organisation-seal": "北京亦庄职业技能评价中心（盖章）", "inspector-signature": "刘国庆", "inspecting-body-seal": "北京经济技术开发区社会事业局（盖章）"}</example>
    public Dictionary<string, string?>? Answers { get; set; }

    /// <summary>Every registered fact (the venue's <c>checkSubjects</c>): matches / does-not-match, with a note.</summary>
    public List<VenueCheckItem>? Items { get; set; }
}

/// <summary>An external supervisor of the zone records a venue check (附件5; bj.venue.inspection, BJ 23).</summary>
public sealed class Endpoint(BeijingEtdzDbContext db, ISupervisionDirectory directory, IPackAudit audit, TimeProvider clock) : Endpoint<Request, InspectionDto>
{
    public override void Configure()
    {
        Post("/api/v1/regions/bj-etdz/venues/{id}/inspections");
        Roles(AccessRoles.Supervisor);
        Description(b => b.WithName("bj-etdz.venues.inspect").Produces<InspectionDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404));
        Tags("bj-etdz");
        Summary(s =>
        {
            s.Summary = "Record a venue check (场地核查单, annex 5)";
            s.Description = "BJ 23: an external supervisor of the zone with an appointment in force checks every registered fact " +
                            "(name, address, each occupation and level, each equipment line) as matches / does-not-match (a note is " +
                            "required for a mismatch), and answers annex 5: matches-filing (yes exactly when every fact matches), " +
                            "checked-on (not in the future) and the signatures. Errors name the field (items[i].note, answers.<key>).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = User.SupervisorId() is { } sid ? await directory.FindSupervisorAsync(sid, ct) : null;
        if (supervisor is null || supervisor.Kind != SupervisorKind.External || !BeijingEtdzRules.Jurisdiction.Contains(supervisor.Jurisdiction) || !supervisor.Active)
        { await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText("只有经开区在聘的外督员可以核查场地", "only an external supervisor of the zone with an appointment in force may check venues"))); return; }

        var venue = await db.Venues.AsNoTracking().Include(v => v.Occupations).Include(v => v.Equipment).SingleOrDefaultAsync(v => v.Id == req.Id, ct);
        if (venue is null) { await Send.ResultAsync(PackProblems.NotFound($"venue {req.Id}")); return; }
        var institution = await directory.FindInstitutionAsync(venue.InstitutionId.ToString(), ct);

        var registration = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["organisation"] = institution?.Name ?? venue.InstitutionId.ToString(),
            ["venue-name"] = venue.Name,
            ["venue-address"] = venue.Address,
            ["occupations-and-levels"] = string.Join("；", venue.Occupations.OrderBy(o => o.Position).Select(o => $"{o.Occupation}（{o.Level}）")),
        };
        var subjects = VenueCheckRule.Subjects(venue.Occupations.Count, venue.Equipment.Count);
        foreach (var p in VenueCheckRule.Check(subjects, req.Items, req.Answers, registration)) AddError(PackValidation.Failure(p.Field, p.Message));
        ThrowIfAnyErrors();

        var checkedOn = DateOnly.ParseExact(req.Answers!["checked-on"]!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        if (checkedOn > today) AddError(PackValidation.Failure("answers.checked-on", "checked-on（核查日期）不能晚于今天（北京时间）", "checked-on must not be in the future (China time)"));
        if (checkedOn < ChinaTime.DateOf(venue.RegisteredAt)) AddError(PackValidation.Failure("answers.checked-on", "checked-on（核查日期）不能早于场地备案之日", "checked-on must not be before the venue was registered"));
        ThrowIfAnyErrors();

        var answers = req.Answers!.Where(a => !VenueCheckRule.FilledFromRegistration.Contains(a.Key))
            .Concat(registration.Select(r => new KeyValuePair<string, string?>(r.Key, r.Value)))
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        var inspection = new VenueInspection
        {
            Id = Guid.CreateVersion7(), VenueId = venue.Id, SupervisorId = Guid.Parse(supervisor.Id), CheckedOn = checkedOn,
            Matches = req.Items!.All(i => i.Result == VenueCheckRule.Matches),
            FormId = BeijingEtdzForms.VenueCheck.Id, FormVersion = BeijingEtdzForms.VenueCheck.Version,
            Answers = JsonSerializer.Serialize(answers),
            Items = [.. req.Items!.Select(i => (Item: i, Index: subjects.ToList().IndexOf(i.Subject!))).OrderBy(x => x.Index)
                .Select(x => new VenueInspectionItem { Position = x.Index + 1, Subject = x.Item.Subject!, Matches = x.Item.Result == VenueCheckRule.Matches, Note = string.IsNullOrWhiteSpace(x.Item.Note) ? null : x.Item.Note.Trim() })],
            RecordedBy = User.ActorId(),
            RecordedAt = clock.GetUtcNow(),
        };
        db.VenueInspections.Add(inspection);
        var dto = InspectionDto.From(inspection);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("bj-etdz.venue.inspect", "bj-etdz.venue-inspection", inspection.Id.ToString(), JurisdictionCode.Parse(venue.Jurisdiction),
            [BeijingEtdzRules.VenueInspection.Id], After: dto, Detail: $"venue={venue.Id} matches={(inspection.Matches ? "yes" : "no")}"), User, ct);
        await Send.ResponseAsync(dto, 201, ct);
    }
}
