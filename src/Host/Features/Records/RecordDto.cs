using System.Globalization;
using System.Text.Json;
using FluentValidation.Results;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Host.Features.Records;

/// <summary>
/// A filed record: the answers by item key (text, choice key or ISO date as a string; several choices as an array; a
/// number), the form and version answered, and the deadline (<c>dueOn</c> absent where no deadline policy governs:
/// CN 10 sets no period, so such a record is never late).
/// </summary>
/// <param name="Id" example="0193a5c6-2e41-7b90-8c1d-4e5f6a7b8c9d">Record id.</param>
/// <param name="AssignmentId" example="0193a5c5-1c22-7d4e-9f60-7a8b9c0d1e2f">The assignment.</param>
/// <param name="TaskId" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">The task.</param>
/// <param name="FormId" example="cn.report">Form id.</param>
/// <param name="FormVersion" example="1">Form version.</param>
/// <param name="Answers" example='{"institution": "广东省技师学院", "supervised-on": "2025-06-01", "examination-order": "conforms", "problems": "个别考场监控画面不清晰"}'>Answers by item key.</param>
/// <param name="DueOn" example="2025-06-08">Deadline (absent where no deadline policy governs).</param>
/// <param name="DueAssumed" example="false">The deadline used an assumed calendar.</param>
/// <param name="Late" example="false">Filed after the deadline.</param>
/// <param name="SubmittedBy" example="demo-supervisor-44">Who filed it.</param>
/// <param name="SubmittedAt" example="2025-06-01T18:05:00+08:00">When.</param>
public sealed record RecordDto(
    Guid Id, Guid AssignmentId, Guid TaskId, string FormId, int FormVersion, IReadOnlyDictionary<string, JsonElement> Answers,
    DateOnly? DueOn, bool DueAssumed, bool Late, string SubmittedBy, DateTimeOffset SubmittedAt)
{
    public static RecordDto From(SupervisionRecord r, Guid taskId) => new(
        r.Id, r.AssignmentId, taskId, r.FormId, r.FormVersion, RecordAnswers.Read(r.Content), r.DueOn, r.DueAssumed, r.Late, r.SubmittedBy, r.SubmittedAt);
}

/// <summary>Answers as sent and stored (JSON values by item key) and as the kernel checks them (<see cref="FormAnswer"/>).</summary>
public static class RecordAnswers
{
    /// <summary>Most answers a submission may carry (the longest source form has well under a hundred items).</summary>
    public const int MaxAnswers = 300;

    /// <summary>Why a JSON value cannot be an answer, or null when it can: a string, an array of strings, a number or null.</summary>
    public static string? ShapeProblem(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String or JsonValueKind.Null => null,
        JsonValueKind.Number => value.TryGetDecimal(out _) ? null : "the number is out of range",
        JsonValueKind.Array when value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) => null,
        JsonValueKind.Array => "a multiple choice is an array of option keys (strings)",
        _ => "an answer is a string, an array of option keys or a number",
    };

    /// <summary>The answer as the kernel sees it (the shape is checked first).</summary>
    public static FormAnswer ToKernel(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => new FormAnswer(Text: value.GetString()),
        JsonValueKind.Number => new FormAnswer(Number: value.GetDecimal()),
        JsonValueKind.Array => new FormAnswer(Choices: [.. value.EnumerateArray().Select(e => e.GetString()!)]),
        _ => new FormAnswer(),
    };

    public static Dictionary<string, FormAnswer> ToKernel(IReadOnlyDictionary<string, JsonElement> answers) =>
        answers.ToDictionary(a => a.Key, a => ToKernel(a.Value), StringComparer.Ordinal);

    public static string Write(IReadOnlyDictionary<string, JsonElement> answers) => JsonSerializer.Serialize(answers);

    public static Dictionary<string, JsonElement> Read(string content) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(content) ?? [];

    /// <summary>
    /// A form problem as a 400 error: field <c>answers.&lt;key&gt;</c>; the reason in the request's language, then the
    /// item's number in the source form in brackets (<c>[2.4]</c>) when it has one, then the problem kind in parentheses
    /// (<c>(missing-required)</c>) for clients to act on.
    /// </summary>
    public static ValidationFailure Failure(FormProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var reason = problem.Message.Get(CultureInfo.CurrentUICulture);
        if (problem.Number is { } number) reason += $" [{number}]";
        return new ValidationFailure($"answers.{problem.Key}", $"{reason} ({JsonNamingPolicy.KebabCaseLower.ConvertName(problem.Kind.ToString())})");
    }
}
