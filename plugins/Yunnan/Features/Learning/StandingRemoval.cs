using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.Yunnan.Features.Learning;

/// <summary>
/// 已取消资格 (already removed): whether a supervisor's file shows a revocation (取消督导资格) or a dismissal (解聘) that still
/// stands, so that closing a learning year (YN 17) reports them as already revoked instead of revoking them again.
/// <para>Reading, the same as the Host's for pack revocations (<see cref="ISupervisorActions"/>): the latest such sanction
/// stands — whatever its rule (YN 17, 19, 21, 22 or a national one), ground or date — unless the person was appointed again
/// after it was recorded. Criticism, suspension and the national ban do not remove.</para>
/// </summary>
public static class StandingRemoval
{
    /// <summary>The sanction measures that remove a supervisor in Yunnan.</summary>
    public static readonly IReadOnlyList<string> Measures = ["revocation", "dismissal"];

    /// <summary>The sanction entry of <paramref name="file"/> that stands as a removal, or null.</summary>
    /// <param name="file">The supervisor's file (<see cref="ISupervisionDirectory.FileAsync"/>), any order.</param>
    public static SupervisorFileEntry? Of(IEnumerable<SupervisorFileEntry> file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var entries = file.ToList();
        var latest = entries.Where(e => e.Kind == SupervisorFileEntryKinds.Sanction && e.Detail.TryGetValue("measure", out var m) && m is not null && Measures.Contains(m))
            .MaxBy(e => e.At);
        if (latest is null) return null;
        return entries.Any(e => e.Kind == SupervisorFileEntryKinds.Appointed && e.At > latest.At) ? null : latest;
    }
}
