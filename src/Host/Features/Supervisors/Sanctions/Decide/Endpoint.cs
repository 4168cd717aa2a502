using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Sanctions.Rules;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Sanctions.Decide;

public sealed class Endpoint(SupervisionDbContext db, AuditLog audit, TimeProvider clock) : Endpoint<Request, Response>
{
    private static readonly SupervisorDismissalRule Rule = new();

    public override void Configure()
    {
        Post("/api/v1/supervisors/{id}/sanctions");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator);
        Description(b => b.WithName("supervisors.sanctions.decide").Produces<Response>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(422));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Decide a sanction against a supervisor";
            s.Description = "对质量督导员作出处理（第十七条）：批评、暂停委派（起止日）、解聘、取消资格、禁入。解聘须基于第十七条情形；解聘和取消资格自决定日起终止聘任并收回证卡，与处理记录在同一事务中完成并记入审计日志。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var supervisor = await db.FindVisibleAsync(User, req.Id, ct);
        if (supervisor is null) { await Send.ResultAsync(Problems.NotFound($"supervisor {req.Id} not found")); return; }
        var measure = SanctionTexts.Measures[req.Measure];
        var outcome = Rule.Check(measure, SanctionTexts.Grounds[req.Ground], req.Date);
        if (!outcome.Passed) { await Send.ResultAsync(Problems.Violations(outcome.Violations)); return; }

        var sanction = new SupervisorSanction
        {
            Id = Guid.CreateVersion7(), SupervisorId = supervisor.Id, Measure = req.Measure, Ground = req.Ground, EvidenceNote = req.EvidenceNote,
            DecidedBy = User.ActorId(), DecidedOn = req.Date, SuspendedFrom = req.SuspendedFrom, SuspendedUntil = req.SuspendedUntil,
            Rules = [Rule.Rule.Id], CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SupervisorSanctions.Add(sanction);
        List<Appointment> ended = [];
        List<Card> withdrawn = [];
        if (SupervisorDismissalRule.EndsAppointment(measure))
        {
            var reason = $"{req.Measure}: {req.Ground}";
            ended = await db.Appointments.Where(a => a.SupervisorId == supervisor.Id && a.End >= req.Date && (a.TerminatedOn == null || a.TerminatedOn > req.Date)).ToListAsync(ct);
            ended.ForEach(a => (a.TerminatedOn, a.TerminationReason) = (req.Date, reason));
            withdrawn = await db.Cards.Where(c => c.SupervisorId == supervisor.Id && c.ValidUntil >= req.Date && (c.WithdrawnOn == null || c.WithdrawnOn > req.Date)).ToListAsync(ct);
            withdrawn.ForEach(c => (c.WithdrawnOn, c.WithdrawnReason) = (req.Date, reason));
        }
        await db.SaveChangesAsync(ct);
        string[] rules = [Rule.Rule.Id];
        foreach (var a in ended)
            await audit.AppendAsync(db, User.AsActor(), new AuditEvent("appointment.terminate", "appointment", a.Id.ToString(), supervisor.Jurisdiction, rules,
                After: new { a.TerminatedOn, a.TerminationReason, Sanction = sanction.Id }), ct);
        foreach (var c in withdrawn)
            await audit.AppendAsync(db, User.AsActor(), new AuditEvent("card.withdraw", "card", c.Id.ToString(), supervisor.Jurisdiction, rules,
                After: new { c.Number, c.WithdrawnOn, c.WithdrawnReason, Sanction = sanction.Id }), ct);
        await audit.AppendAsync(db, User.AsActor(), new AuditEvent("supervisor.sanction", "supervisor-sanction", sanction.Id.ToString(), supervisor.Jurisdiction, rules,
            After: new { sanction.SupervisorId, sanction.Measure, sanction.Ground, sanction.DecidedOn, sanction.SuspendedFrom, sanction.SuspendedUntil, sanction.EvidenceNote },
            Detail: $"{req.Measure} ({req.Ground}): {ended.Count} appointment(s) ended, {withdrawn.Count} card(s) withdrawn"), ct);
        await tx.CommitAsync(ct);
        await Send.ResponseAsync(new Response(SanctionDto.From(sanction), [.. ended.Select(a => a.Id)], [.. withdrawn.Select(c => c.Number)]), 201, ct);
    }
}
