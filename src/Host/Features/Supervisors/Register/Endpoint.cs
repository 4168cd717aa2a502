using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Supervisors.Sanctions;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Supervisors.Register;

public sealed class Endpoint(SupervisionDbContext db, SupervisorRegistration registration, SupervisorStanding standing)
    : Endpoint<Request, SupervisorDto>
{
    public override void Configure()
    {
        Post("/api/v1/supervisors");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("supervisors.register").Produces<SupervisorDto>(201).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409));
        Tags("supervisors");
        Summary(s =>
        {
            s.Summary = "Register a supervisor";
            s.Description = "登记质量督导员（外督/内督）。公民身份号码按 GB 11643 校验（15位旧号码转换为18位），性别和出生日期由号码得出；号码和电话加密保存，响应中只显示掩码。同一人在同一辖区只能登记一次（409）。内督须属于辖区内的评价机构；评价机构操作员只能登记本机构的内督。";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        switch (await registration.CheckAsync(User, req, ct))
        {
            case { Kind: RefusalKind.Forbidden } r: await Send.ResultAsync(Problems.Forbidden(r.Reason)); return;
            case { Kind: RefusalKind.Barred } r: await Send.ResultAsync(Problems.Violations(r.Violations)); return;
            case { Kind: RefusalKind.Duplicate }: await Send.ResultAsync(Duplicate()); return;
            case { Kind: RefusalKind.Field } r:
                AddError(r.Property == nameof(Request.InstitutionId) ? "institutionId" : "conflicts", r.Reason.Get(System.Globalization.CultureInfo.CurrentUICulture));
                await Send.ErrorsAsync(cancellation: ct);
                return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Supervisor supervisor;
        try { supervisor = await registration.AddAsync(User, req, ct); }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation()) { await Send.ResultAsync(Duplicate()); return; }
        await tx.CommitAsync(ct);
        var summary = await standing.SummariesAsync([supervisor.Id], ct);
        await Send.ResponseAsync(SupervisorDto.From(supervisor, summary[supervisor.Id]), 201, ct);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Duplicate() => Problems.Conflict(SupervisorRegistration.DuplicateText);
}
