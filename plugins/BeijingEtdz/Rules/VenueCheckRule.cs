using System.Globalization;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Plugins.BeijingEtdz.Forms;

namespace SupervisionCore.Plugins.BeijingEtdz.Rules;

/// <summary>One registered fact of a venue, as the supervisor found it.</summary>
/// <param name="Subject" example="equipment-1"><c>name</c>, <c>address</c>, <c>occupation-N</c> or <c>equipment-N</c> (N = registered position).</param>
/// <param name="Result" example="does-not-match"><c>matches</c> or <c>does-not-match</c>.</param>
/// <param name="Note" example="实训考核装置实有18台，备案为20台">What differs (required when it does not match).</param>
public sealed record VenueCheckItem(string? Subject, string? Result, string? Note);

/// <summary>A field-level problem of an inspection (<c>Field</c> is the request's JSON path).</summary>
public sealed record VenueCheckProblem(string Field, LocalizedText Message);

/// <summary>
/// 场地核查 (venue check): "对照场地基本信息表，对机构备案场地的设备设施基本信息（包括设备名称、型号、规格、数量等）进行检查、核实",
/// recorded on 附件5 (场地核查单). BJ 第二十三条 (<c>bj.venue.inspection</c>).
/// <para>Reading: annex 5 prints one 是/否 "与备案材料相符"; BJ 23(一) asks each registered fact to be checked, so an
/// inspection records every registered fact — the venue's name and address, each occupation and level, each equipment line —
/// as matches / does not match, with a note saying what differs when it does not match, and the annex 5 answer
/// <c>matches-filing</c> must be <c>yes</c> exactly when every fact matches. The registration fills the annex's
/// organisation, venue name, address and occupations; the supervisor answers <c>matches-filing</c>, <c>checked-on</c> and
/// signs.</para>
/// </summary>
public static class VenueCheckRule
{
    public const string Matches = "matches";
    public const string DoesNotMatch = "does-not-match";

    /// <summary>Annex 5 keys the registration fills (the supervisor may not answer them).</summary>
    public static IReadOnlyList<string> FilledFromRegistration { get; } = ["organisation", "venue-name", "venue-address", "occupations-and-levels"];

    /// <summary>The facts to check for a venue registered with these many occupations and equipment lines.</summary>
    public static IReadOnlyList<string> Subjects(int occupations, int equipment) =>
    [
        "name", "address",
        .. Enumerable.Range(1, occupations).Select(i => string.Create(CultureInfo.InvariantCulture, $"occupation-{i}")),
        .. Enumerable.Range(1, equipment).Select(i => string.Create(CultureInfo.InvariantCulture, $"equipment-{i}")),
    ];

    /// <summary>
    /// Every problem of an inspection: each subject exactly once and no other, a known result, a note for each mismatch,
    /// the annex 5 answers valid against the form (field <c>answers.&lt;key&gt;</c>), registration fields not answered by the
    /// supervisor, and <c>matches-filing</c> consistent with the items.
    /// </summary>
    public static IReadOnlyList<VenueCheckProblem> Check(IReadOnlyList<string> subjects, IReadOnlyList<VenueCheckItem>? items,
        IReadOnlyDictionary<string, string?>? answers, IReadOnlyDictionary<string, string> registration)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentNullException.ThrowIfNull(registration);
        var problems = new List<VenueCheckProblem>();
        items ??= [];
        answers ??= new Dictionary<string, string?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"items[{i}]");
            if (item is null) { problems.Add(new(at, new("核查项不能为空", "an item is required"))); continue; }
            if (string.IsNullOrWhiteSpace(item.Subject) || !subjects.Contains(item.Subject, StringComparer.Ordinal))
                problems.Add(new($"{at}.subject", new($"subject 应为以下备案事项之一：{string.Join("、", subjects)}", $"subject must be one of the registered facts: {string.Join(", ", subjects)}")));
            else if (!seen.Add(item.Subject))
                problems.Add(new($"{at}.subject", new($"'{item.Subject}' 重复核查", $"'{item.Subject}' is checked more than once")));
            if (item.Result is not (Matches or DoesNotMatch))
                problems.Add(new($"{at}.result", new($"result 应为 {Matches}（相符）或 {DoesNotMatch}（不符）", $"result must be {Matches} or {DoesNotMatch}")));
            else if (item.Result == DoesNotMatch && string.IsNullOrWhiteSpace(item.Note))
                problems.Add(new($"{at}.note", new("不相符时须在 note 中写明差异", "a note saying what differs is required when the fact does not match")));
            if (item.Note is { Length: > 2000 }) problems.Add(new($"{at}.note", new("note 最多 2000 个字符", "note must be at most 2000 characters")));
        }
        var missing = subjects.Where(s => !seen.Contains(s)).ToList();
        if (missing.Count > 0) problems.Add(new("items", new($"每项备案事项都须核查，缺少：{string.Join("、", missing)}", $"every registered fact must be checked; missing: {string.Join(", ", missing)}")));

        foreach (var key in FilledFromRegistration.Where(answers.ContainsKey))
            problems.Add(new($"answers.{key}", new($"'{key}' 由场地备案信息填写", $"'{key}' is filled from the venue's registration")));
        var merged = answers.Where(a => !FilledFromRegistration.Contains(a.Key))
            .Concat(registration.Select(r => new KeyValuePair<string, string?>(r.Key, r.Value)))
            .ToDictionary(a => a.Key, a => new FormAnswer(Text: a.Value), StringComparer.Ordinal);
        foreach (var p in FormSubmission.Validate(BeijingEtdzForms.VenueCheck, merged))
            problems.Add(new($"answers.{p.Key}", p.Message));

        // Judged only when every result is readable (an unreadable one is already named above).
        var allMatch = items.All(i => i?.Result == Matches);
        if (items.All(i => i?.Result is Matches or DoesNotMatch) && answers.TryGetValue("matches-filing", out var said) && said is "yes" or "no" && (said == "yes") != allMatch)
            problems.Add(new("answers.matches-filing", allMatch
                ? new("各项均与备案相符，matches-filing 应为 'yes'", "every fact matches the registration, so matches-filing must be 'yes'")
                : new("有事项与备案不符，matches-filing 应为 'no'", "a fact does not match the registration, so matches-filing must be 'no'")));
        return problems;
    }
}
