using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Kernel.Sanctions;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Sanctions.Decide;

public sealed class Endpoint(SupervisionDbContext db, SupervisorSanctioning sanctioning, IEnumerable<ISanctionGrounds> packGrounds, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/sanctions");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("supervisors.sanctions.decide").Produces<Response>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Decide a sanction against a supervisor";
            s.Description = "对质量督导员作出处理（第十七条）：批评、暂停委派（起止日）、解聘、取消资格、禁入。解聘须基于第十七条情形；解聘和取消资格自决定日起终止聘任并收回证卡，与处理记录在同一事务中完成并记入审计日志。" +
                            "已启用的政策包可为其辖区内的督导员增加处理情形和措施（如广东第二十一条的八种情形及不予续聘），只能采用该情形允许的措施。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var where = JurisdictionCode.Parse(supervisor.Jurisdiction);
        // The kernel decides (CN 17 with the packs' grounds, e.g. GD 21); the endpoint persists and maps.
        var decision = SanctionDecisions.DecideSupervisor(new SupervisorSanctionFacts(
            req.Measure, SanctionTexts.Measures.TryGetValue(req.Measure, out var nm) ? nm : null,
            req.Ground, SanctionTexts.Grounds.GetValueOrDefault(req.Ground, SupervisorSanctionGround.Other), where, req.Date, [.. packGrounds]));
        if (!decision.Allowed) { await Send.ResultAsync(Problems.Violations(decision.Violations)); return; }
        var endsAppointment = decision.Transition.EndsAppointment;
        string[] rules = [.. decision.Transition.Rules];

        var sanction = new SupervisorSanction
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Measure = req.Measure, Ground = req.Ground, EvidenceNote = req.EvidenceNote,
            DecidedBy = User.ActorId(), DecidedOn = req.Date, SuspendedFrom = req.SuspendedFrom, SuspendedUntil = req.SuspendedUntil,
            Rules = rules, CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var effects = await sanctioning.ApplyAsync(supervisor, sanction, endsAppointment, User.AsActor(), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(new Response(SanctionDto.From(sanction), [.. effects.Ended.Select(a => a.Id)], [.. effects.Withdrawn.Select(c => c.Number)],
            [.. effects.Bars.Select(RegistryBarDto.Of)]), 201, ct);
    }
}
