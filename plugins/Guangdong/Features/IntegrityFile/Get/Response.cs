using SupervisionCore.Kernel;
using SupervisionCore.Plugins.Guangdong.Integrity;

namespace SupervisionCore.Plugins.Guangdong.Features.IntegrityFile.Get;

/// <summary>外督诚信档案 (an external supervisor's integrity file, GD 21).</summary>
public sealed class Response
{
    /// <summary>Whose file.</summary>
    public required SupervisorItem Supervisor { get; init; }

    /// <summary>The rule the file is kept under (<c>gd.sanction.supervisor</c>).</summary>
    public required string Rule { get; init; }

    /// <summary>Its citation (<c>GD 21</c>).</summary>
    public required string Citation { get; init; }

    /// <summary>The counts.</summary>
    public required IntegritySummary Summary { get; init; }

    /// <summary>Dispatches, answers, attendance, records (on time/late), feedback and sanctions, oldest first.</summary>
    public required IReadOnlyList<EntryItem> Entries { get; init; }
}

/// <summary>The supervisor, personal data masked.</summary>
public sealed class SupervisorItem
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>Full name.</summary>
    public required string Name { get; init; }

    /// <summary>Resident ID number, masked.</summary>
    public required string IdNumberMasked { get; init; }

    /// <summary>Where registered (<c>44</c>, <c>44.A</c>).</summary>
    public required string Jurisdiction { get; init; }

    /// <summary>Holds an appointment in force today.</summary>
    public required bool Active { get; init; }

    /// <summary>Cards valid today.</summary>
    public required IReadOnlyList<string> CardNumbers { get; init; }
}

/// <summary>One line of the file.</summary>
public sealed class EntryItem
{
    /// <summary>When (China time).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>dispatched | accepted | refused | attended | record-filed | feedback | sanction.</summary>
    public required string Kind { get; init; }

    /// <summary>The kind in Chinese and English (records: on time or late).</summary>
    public required LocalizedText Label { get; init; }

    /// <summary>The supervision task, if any.</summary>
    public string? TaskId { get; init; }

    /// <summary>The institution, if any.</summary>
    public string? InstitutionId { get; init; }

    /// <summary>Plain facts (late, dueOn, reason, measure, ground …).</summary>
    public required IReadOnlyDictionary<string, string?> Detail { get; init; }
}
