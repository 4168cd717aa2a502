using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Plugins.Yunnan.Data;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.GetSession;

/// <summary>A session with its attendance and results.</summary>
public sealed class Endpoint(YunnanDbContext db) : Endpoint<Request, SessionDto>
{
    public override void Configure()
    {
        Get("/api/v1/regions/yn/learning-sessions/{id}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator, AccessRoles.Auditor);
        Description(b => b.WithName("yn.learning-sessions.get").Produces<SessionDto>(200).ProducesProblem(404));
        Tags("yn");
        Summary(s => { s.Summary = "A learning session and its results (YN 17)"; s.Description = "业务学习教育及每名内督的参加情况和结果。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await SessionAccess.VisibleAsync(db, User, req.Id, ct) is not { } s) { await Send.ResultAsync(PackProblems.NotFound($"learning session {req.Id}")); return; }
        var results = await db.LearningResults.AsNoTracking().Where(r => r.SessionId == s.Id).ToListAsync(ct);
        await Send.OkAsync(SessionDto.From(s, results), ct);
    }
}
