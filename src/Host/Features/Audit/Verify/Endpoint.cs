using FastEndpoints;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Audit.Verify;

public sealed class Endpoint(SupervisionDbContext db) : EndpointWithoutRequest<AuditVerification>
{
    public override void Configure()
    {
        Get("/api/v1/audit/verify");
        Roles(KernelRoles.Auditor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("audit.verify"));
        Tags("audit");
        Summary(s => { s.Summary = "Verify the audit hash chain"; s.Description = "从头校验整条审计哈希链，报告第一个断裂处（如有）。"; });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await AuditVerifier.VerifyAsync(db, ct), ct);
}
