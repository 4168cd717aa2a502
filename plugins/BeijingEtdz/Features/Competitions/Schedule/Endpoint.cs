using FastEndpoints;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.BeijingEtdz.Access;
using SupervisionCore.Plugins.BeijingEtdz.Forms;
using SupervisionCore.Plugins.BeijingEtdz.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Competitions.Schedule;

public sealed class Request
{
    /// <summary>The competition (an activity of kind <c>competition</c> in the zone).</summary>
    public Guid ActivityId { get; set; }
}

public sealed class Response
{
    public required Guid ActivityId { get; init; }
    /// <summary>The annex 6 form (<c>bj-etdz.annex-6</c>) and its version.</summary>
    public required string FormId { get; init; }
    public required int FormVersion { get; init; }
    /// <summary>One row per competition task, by start, kind, venue.</summary>
    public required IReadOnlyList<ScheduleRow> Rows { get; init; }
    /// <summary>Venues with no in-progress (事中) task yet.</summary>
    public required IReadOnlyList<long> VenuesWithoutInProgress { get; init; }
    /// <summary>Venues with no after (事后) task yet.</summary>
    public required IReadOnlyList<long> VenuesWithoutAfter { get; init; }
    /// <summary>The rows as annex 6 answers, 7 rows per printed sheet (signatures are left to 填表人 and 审核人).</summary>
    public required IReadOnlyList<IReadOnlyDictionary<string, FormAnswer>> Sheets { get; init; }
    /// <summary>Rules applied.</summary>
    public required IReadOnlyList<string> Rules { get; init; }
}

/// <summary>The competition supervision schedule (annex 6, BJ 26) from the competition's tasks and assignments.</summary>
public sealed class Endpoint(ISupervisionDirectory directory) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("/api/v1/regions/bj-etdz/competitions/{activityId}/schedule");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("bj-etdz.competitions.schedule").Produces<Response>(200).ProducesProblem(404));
        Tags("bj-etdz");
        Summary(s =>
        {
            s.Summary = "Competition supervision schedule (竞赛质量督导安排表, annex 6)";
            s.Description = "BJ 26: one row per competition task (事中 competition-in-progress / 事后 competition-after, per venue): " +
                            "project, venue, occupation, contestants, start, end, the external supervisors assigned, and whether the " +
                            "row meets bj.staffing.competition (≤ 200 contestants at the venue → 2; above 200 → at least 2). Venues " +
                            "without a task of a kind are listed. Visible to the zone's administrators, auditors and supervisors, and " +
                            "to the organising institution's operators; otherwise 404.";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var activity = await directory.FindActivityAsync(req.ActivityId.ToString(), ct);
        if (activity is null || activity.Kind != ActivityKind.Competition || !BeijingEtdzRules.Jurisdiction.Contains(activity.Jurisdiction) || !MaySee(activity))
        { await Send.ResultAsync(PackProblems.NotFound($"competition {req.ActivityId} in {BeijingEtdzRules.Jurisdiction.Value}")); return; }
        var schedule = CompetitionScheduleBuilder.Build(activity);
        await Send.OkAsync(new Response
        {
            ActivityId = req.ActivityId, FormId = BeijingEtdzForms.CompetitionSchedule.Id, FormVersion = BeijingEtdzForms.CompetitionSchedule.Version,
            Rows = schedule.Rows, VenuesWithoutInProgress = schedule.VenuesWithoutInProgress, VenuesWithoutAfter = schedule.VenuesWithoutAfter,
            Sheets = schedule.Sheets, Rules = [BeijingEtdzRules.Forms.Id, BeijingEtdzRules.StaffingCompetition.Id],
        }, ct);
    }

    private bool MaySee(ActivityFacts activity) =>
        User.IsZoneAdmin()
        || ((User.HasRole(AccessRoles.Auditor) || User.HasRole(AccessRoles.Supervisor)) && User.Reaches(activity.Jurisdiction))
        || (User.HasRole(AccessRoles.InstitutionOperator) && User.InstitutionId() == activity.InstitutionId);
}
