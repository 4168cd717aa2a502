using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Guangdong.Integrity;

/// <summary>One line of an integrity file.</summary>
/// <param name="At">When it happened (China time).</param>
/// <param name="Kind">What happened (<see cref="SupervisorFileEntryKinds"/>).</param>
/// <param name="Label">The kind in Chinese and English.</param>
/// <param name="TaskId">The supervision task, if any.</param>
/// <param name="InstitutionId">The institution, if any.</param>
/// <param name="Detail">Plain facts of the entry (late, dueOn, reason, measure, ground …).</param>
public sealed record IntegrityEntry(DateTimeOffset At, string Kind, LocalizedText Label, string? TaskId, string? InstitutionId, IReadOnlyDictionary<string, string?> Detail);

/// <summary>The counts of a file.</summary>
public sealed record IntegritySummary(int Dispatched, int Accepted, int Refused, int RefusedWithoutReason, int Attended, int RecordsOnTime, int RecordsLate, int Feedback, int Sanctions);

/// <summary>
/// 外督诚信档案 (integrity file of an external supervisor). GD 第二十一条 (<c>gd.sanction.supervisor</c>): "省技能中心和市鉴定中心应建立
/// 外督诚信档案". Built from the supervisor's dated file in the kernel (<see cref="ISupervisionDirectory.FileAsync"/>):
/// dispatches, acceptances and refusals, attendance, records (on time or late, GD 20), the institutions' feedback
/// (annex 5) and sanctions, oldest first. Appointments and cards are registry facts, not conduct: they are left out.
/// </summary>
public static class IntegrityFile
{
    /// <summary>The kinds of a file, with their labels, in the order a reader expects them.</summary>
    public static readonly IReadOnlyDictionary<string, LocalizedText> Kinds = new Dictionary<string, LocalizedText>(StringComparer.Ordinal)
    {
        [SupervisorFileEntryKinds.Dispatched] = new("委派", "dispatched"),
        [SupervisorFileEntryKinds.Accepted] = new("接受委派", "accepted"),
        [SupervisorFileEntryKinds.Refused] = new("不接受委派", "refused"),
        [SupervisorFileEntryKinds.Attended] = new("到场督导", "attended"),
        [SupervisorFileEntryKinds.RecordFiled] = new("提交督导情况记录表", "record filed"),
        [SupervisorFileEntryKinds.Feedback] = new("评价机构反馈", "institution feedback"),
        [SupervisorFileEntryKinds.Sanction] = new("处理", "sanction"),
    };

    /// <summary>The file's entries from the kernel's dated file (kept in its order: oldest first).</summary>
    public static IReadOnlyList<IntegrityEntry> Entries(IEnumerable<SupervisorFileEntry> file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return [.. file.Where(e => Kinds.ContainsKey(e.Kind)).OrderBy(e => e.At)
            .Select(e => new IntegrityEntry(e.At.ToOffset(TimeSpan.FromHours(8)), e.Kind, Label(e), e.TaskId, e.InstitutionId, e.Detail))];
    }

    /// <summary>The counts of <paramref name="entries"/>.</summary>
    public static IntegritySummary Summarise(IReadOnlyCollection<IntegrityEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int Count(string kind, Func<IntegrityEntry, bool>? also = null) => entries.Count(e => e.Kind == kind && (also is null || also(e)));
        static bool Flag(IntegrityEntry e, string key) => e.Detail.TryGetValue(key, out var v) && v == "true";
        return new IntegritySummary(
            Count(SupervisorFileEntryKinds.Dispatched), Count(SupervisorFileEntryKinds.Accepted), Count(SupervisorFileEntryKinds.Refused),
            Count(SupervisorFileEntryKinds.Refused, e => Flag(e, "withoutReason")), Count(SupervisorFileEntryKinds.Attended),
            Count(SupervisorFileEntryKinds.RecordFiled, e => !Flag(e, "late")), Count(SupervisorFileEntryKinds.RecordFiled, e => Flag(e, "late")),
            Count(SupervisorFileEntryKinds.Feedback), Count(SupervisorFileEntryKinds.Sanction));
    }

    /// <summary>The facts of an entry as one line of text (<c>late=true; dueOn=2025-06-17</c>), for the CSV and xlsx exports.</summary>
    public static string DetailText(IntegrityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Join("; ", entry.Detail.Where(d => d.Value is not null).OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
    }

    private static LocalizedText Label(SupervisorFileEntry e)
    {
        var label = Kinds[e.Kind];
        if (e.Kind == SupervisorFileEntryKinds.RecordFiled && e.Detail.TryGetValue("late", out var late))
            return late == "true" ? new($"{label.Zh}（逾期）", $"{label.En} (late)") : new($"{label.Zh}（按时）", $"{label.En} (on time)");
        return label;
    }

    /// <summary>The rule the file belongs to.</summary>
    public static string Rule => GuangdongRules.SanctionSupervisor.Id;
}
