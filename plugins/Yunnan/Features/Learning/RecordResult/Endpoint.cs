using FastEndpoints;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning.RecordResult;

/// <summary>Records attendance and result of one internal supervisor of the session's institution (YN 17).</summary>
public sealed class Endpoint(YunnanDbContext db, ISupervisionDirectory directory, IPackAudit audit) : Endpoint<Request, ResultDto>
{
    public override void Configure()
    {
        Put("/api/v1/regions/yn/learning-sessions/{id}/results/{supervisorId}");
        Roles(AccessRoles.NationalAdmin, AccessRoles.ProvinceAdmin, AccessRoles.CenterOperator, AccessRoles.InstitutionOperator);
        Description(b => b.WithName("yn.learning-sessions.record-result").Produces<ResultDto>(200).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422));
        Tags("yn");
        Summary(s => { s.Summary = "Record a supervisor's attendance and result (YN 17)"; s.Description = "登记内督参加业务学习教育的情况和结果（合格/不合格/未参加）；只能登记该机构的内部督导员；年度已结束（已关闭）后不能更改（409）。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        if (await SessionAccess.VisibleAsync(db, User, req.Id, ct) is not { } s) { await Send.ResultAsync(PackProblems.NotFound($"learning session {req.Id}")); return; }
        var supervisor = await directory.FindSupervisorAsync(req.SupervisorId.ToString(), ct);
        var closed = await LearningYearCloser.ClosedAsync(db, s.Year, JurisdictionCode.Parse(s.Jurisdiction), ct) is not null;
        var facts = new LearningResultFacts(supervisor?.Kind, supervisor?.InstitutionId, s.InstitutionId.ToString(), closed, req.Attended, req.Passed);
        var decision = LearningYear.DecideResult(facts);
        if (!decision.Allowed)
        {
            await Send.ResultAsync(facts.OfSessionInstitution
                ? PackProblems.Conflict(new LocalizedText($"{s.Year}年度业务学习已关闭，不能更改", $"the learning year {s.Year} is closed; results cannot change"), decision.Violations)
                : PackProblems.Violations(decision.Violations));
            return;
        }
        var result = await db.LearningResults.SingleOrDefaultAsync(r => r.SessionId == s.Id && r.SupervisorId == req.SupervisorId, ct);
        var before = result is null ? null : new ResultDto(result.SupervisorId, result.Attended, result.Passed);
        if (result is null) db.LearningResults.Add(result = new LearningResult { SessionId = s.Id, SupervisorId = req.SupervisorId });
        (result.Attended, result.Passed, result.RecordedBy, result.RecordedAt) = (decision.Transition.Attended, decision.Transition.Passed, User.ActorId(), DateTimeOffset.UtcNow);
        var after = new ResultDto(result.SupervisorId, result.Attended, result.Passed);
        await db.SaveAuditedAsync(audit, new PackAuditEntry("yn.learning-result.record", "yn.learning-result", $"{s.Id}/{req.SupervisorId}", JurisdictionCode.Parse(s.Jurisdiction),
            [YunnanRules.LearningAnnual.Id], before, after, $"session={s.Id} attended={(req.Attended ? "yes" : "no")} passed={req.Passed switch { true => "yes", false => "no", null => "-" }}"), User, ct);
        await Send.OkAsync(after, ct);
    }
}
