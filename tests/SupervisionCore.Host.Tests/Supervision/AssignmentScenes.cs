using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Registry;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Supervision;

/// <summary>An institution, a supervisor, a daily task and one assignment of the supervisor to it.</summary>
internal sealed record AssignmentScene(string Jurisdiction, Institution Institution, Guid SupervisorId, Guid TaskId, Guid AssignmentId);

/// <summary>
/// Scenes for record and feedback tests, written straight through the DbContext (draws and acceptance belong to other
/// areas and are tested there). Jurisdiction 31 has no policy pack, so only the national report applies and no deadline
/// policy governs.
/// </summary>
internal static class AssignmentScenes
{
    public static readonly DateTimeOffset Entry = new(2025, 6, 10, 8, 30, 0, TimeSpan.FromHours(8));
    public static readonly DateTimeOffset Exit = new(2025, 6, 10, 17, 0, 0, TimeSpan.FromHours(8));

    public static async Task<AssignmentScene> CreateAsync(SupervisionApp app, string status = "accepted", string jurisdiction = "31")
    {
        var institution = await Seed.InstitutionAsync(app, jurisdiction);
        var supervisor = await Seed.SupervisorAsync(app, jurisdiction, idNumber: Seed.IdNumber("310101"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = "daily", AuthorityId = jurisdiction, Jurisdiction = jurisdiction, InstitutionId = institution.Id,
            RequiredCount = 1, Status = "drawn", WindowStart = Entry.ToUniversalTime(), WindowEnd = Exit.ToUniversalTime(), CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        var accepted = status is "accepted" or "completed";
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, SupervisorId = supervisor.Id, Rank = 1, Role = "external", Status = status, CreatedAt = DateTimeOffset.UtcNow,
            RespondedAt = accepted ? DateTimeOffset.UtcNow : null, EntryAt = accepted ? Entry.ToUniversalTime() : null, ExitAt = accepted ? Exit.ToUniversalTime() : null,
        };
        db.SupervisionTasks.Add(task);
        db.Assignments.Add(assignment);
        await db.SaveChangesAsync();
        return new AssignmentScene(jurisdiction, institution, supervisor.Id, task.Id, assignment.Id);
    }

    public static async Task<Assignment> AssignmentAsync(SupervisionApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().Assignments.FindAsync(id) ?? throw new InvalidOperationException($"no assignment {id}");
    }

    /// <summary>A complete, valid answer set for the national report (cn.report v1).</summary>
    public static Dictionary<string, object> ValidReport() => new()
    {
        ["institution"] = "测试评价机构",
        ["occupation"] = "电工（三级）",
        ["supervised-on"] = "2025-06-10",
        ["form-of-supervision"] = "现场督导",
        ["laws-and-quality-system"] = "conforms",
        ["evaluation-scope"] = "conforms",
        ["standards-and-item-bank"] = "conforms",
        ["candidate-eligibility"] = "conforms",
        ["examination-order"] = "partly",
        ["certificates"] = "conforms",
        ["examiners-and-staff"] = "conforms",
        ["complaints"] = "not-checked",
        ["major-issues"] = "not-checked",
        ["contents"] = "good",
        ["problems"] = "考场有人员走动",
        ["suggestions"] = "加强考场管理",
        ["supervisor-signature"] = "王督导",
    };
}
