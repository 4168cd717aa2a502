using FastEndpoints;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel.Registry;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.Imports.Get;

public sealed class Request
{
    /// <summary>The import job.</summary>
    public Guid Id { get; set; }
}

public sealed class Endpoint(SupervisionDbContext db) : Endpoint<Request, ImportJobDto>
{
    public override void Configure()
    {
        Get("/api/v1/imports/{id}");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.InstitutionOperator, KernelRoles.Auditor);
        Description(b => b.WithName("imports.get").Produces<ImportJobDto>(200).ProducesProblem(404));
        Tags("imports");
        Summary(s => { s.Summary = "Progress and errors of an import"; s.Description = "导入任务：状态（queued/running/succeeded/failed）、总行数、已处理行数、已导入行数、逐行错误（行号、列名、原因，不含身份号码）。上传者本人及其上级辖区的管理员可查看。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var job = await db.Set<ImportJob>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == req.Id, ct);
        if (job is null || !Visible(job)) { await Send.ResultAsync(Problems.NotFound($"import {req.Id}")); return; }
        await Send.OkAsync(ImportJobDto.From(job), ct);
    }

    // The uploader, and administrators and auditors whose jurisdiction contains the uploader's.
    private bool Visible(ImportJob job) =>
        job.ActorId == User.ActorId()
        || ((User.Has(KernelRoles.NationalAdmin) || User.Has(KernelRoles.ProvinceAdmin) || User.Has(KernelRoles.Auditor))
            && JurisdictionCode.TryParse(job.Jurisdiction, out var j) && User.CanAccess(j));
}
