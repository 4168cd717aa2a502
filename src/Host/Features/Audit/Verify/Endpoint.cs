using FastEndpoints;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Data;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Audit.Verify;

public sealed class Endpoint(SupervisionDbContext db, AuditKeys keys) : EndpointWithoutRequest<AuditVerification>
{
    public override void Configure()
    {
        Get("/api/v1/audit/verify");
        Roles(KernelRoles.Auditor, KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin);
        Description(b => b.WithName("audit.verify"));
        Tags("audit");
        Summary(s => { s.Summary = "Verify the audit hash chain"; s.Description = "从头校验整条审计哈希链（带密钥的 HMAC 链接；密钥不在数据库中）和全部签名检查点，报告第一个有问题的条目（被改写、重算或在检查点之后被截断）；启用密钥前的旧条目按原方式校验并单独计数。"; });
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await AuditVerifier.VerifyAsync(db, keys, ct), ct);
}
