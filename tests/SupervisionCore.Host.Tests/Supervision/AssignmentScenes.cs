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

    /// <param name="app">The Host.</param>
    /// <param name="status">The assignment's status.</param>
    /// <param name="jurisdiction">The task's jurisdiction.</param>
    /// <param name="taskKind">The task's kind.</param>
    /// <param name="activityKind">With a value, the task supervises an activity of that kind; without, it names no activity.</param>
    public static async Task<AssignmentScene> CreateAsync(SupervisionApp app, string status = "accepted", string jurisdiction = "31", string taskKind = "daily", string? activityKind = null)
    {
        var institution = await Seed.InstitutionAsync(app, jurisdiction);
        var supervisor = await Seed.SupervisorAsync(app, jurisdiction, idNumber: Seed.IdNumber("310101"));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        Activity? activity = activityKind is null ? null : new Activity
        {
            Id = Guid.CreateVersion7(), InstitutionId = institution.Id, Jurisdiction = jurisdiction, Kind = activityKind, Occupation = "电工",
            StartsAt = Entry.ToUniversalTime(), EndsAt = Exit.ToUniversalTime(), CandidateCount = 30, CreatedAt = DateTimeOffset.UtcNow,
        };
        if (activity is not null) db.Activities.Add(activity);
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = taskKind, AuthorityId = jurisdiction, Jurisdiction = jurisdiction, InstitutionId = institution.Id, ActivityId = activity?.Id,
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

    /// <summary>A complete answer set for a form, built from its definition as the API serves it.</summary>
    public static async Task<Dictionary<string, object>> CompleteAnswersAsync(HttpClient client, string formId)
    {
        var form = (await (await client.GetAsync($"/api/v1/forms/{formId}")).ReadJsonAsync()).GetProperty("form");
        var sets = form.GetProperty("optionSets").EnumerateArray().ToDictionary(
            s => s.GetProperty("key").GetString()!, s => s.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("key").GetString()!).ToList());
        var answers = new Dictionary<string, object>();
        foreach (var section in form.GetProperty("sections").EnumerateArray())
        {
            foreach (var item in section.GetProperty("items").EnumerateArray())
            {
                var key = item.GetProperty("key").GetString()!;
                var set = item.TryGetProperty("optionSet", out var s) ? s.GetString() : null;
                answers[key] = item.GetProperty("kind").GetString() switch
                {
                    "single-choice" => sets[set!][0],
                    "multiple-choice" => new[] { sets[set!][0] },
                    "date" => "2025-06-10",
                    "date-time" => "2025-06-10T08:30:00+08:00",
                    "number" => 1,
                    _ => "文字",
                };
            }
            if (section.TryGetProperty("ratingOptionSet", out var rating) && rating.ValueKind == System.Text.Json.JsonValueKind.String)
                answers[section.GetProperty("key").GetString()!] = sets[rating.GetString()!][0];
        }
        foreach (var signature in form.GetProperty("signatures").EnumerateArray()) answers[signature.GetProperty("key").GetString()!] = "王督导";
        return answers;
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
