using FastEndpoints;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Tasks;
using KernelRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Host.Features.SpecialProcedure.Get;

public sealed class Request
{
    public Guid Id { get; set; }
}

public sealed class Endpoint(TaskAccess tasks, SpecialProcedureSteps steps) : Endpoint<Request, SpecialProcedureDto>
{
    public override void Configure()
    {
        Get("/api/v1/supervision-tasks/{id}/special-procedure");
        Roles(KernelRoles.NationalAdmin, KernelRoles.ProvinceAdmin, KernelRoles.CenterOperator, KernelRoles.Auditor, KernelRoles.InstitutionOperator);
        Description(b => b.WithName("special-procedure.get").ProducesProblem(404));
        Tags("special-procedure");
        Summary(s => { s.Summary = "The special procedure of a task"; s.Description = "专项督导程序（第十五条）已记录的步骤（按顺序）及下一步可记录的步骤；本辖区工作人员及被督导评价机构可见。"; });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var task = await tasks.VisibleAsync(User, req.Id, ct);
        if (task is null || task.Kind != "special") { await Send.ResultAsync(Problems.NotFound($"special supervision task {req.Id}")); return; }
        await Send.OkAsync(steps.Dto(task.Id, await steps.OfAsync(task.Id, ct)), ct);
    }
}
