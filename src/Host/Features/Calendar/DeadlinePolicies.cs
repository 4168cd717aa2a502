using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Features.Calendar;

/// <summary>
/// 时限 (deadlines) of records and institution feedback: the governing <see cref="IDeadlinePolicy"/> of the enabled packs
/// (FilingDeadlines.Governing: most specific scope, in force on the end day) counted on the working-day
/// calendar in force (shipped years plus the years an administrator loaded). The kernel sets no period (CN 第十条):
/// in a jurisdiction no pack governs, a filing is not due by a date and never late.
/// </summary>
public sealed class DeadlinePolicies(IEnumerable<IDeadlinePolicy> policies, CalendarService calendars, IParameterSource parameters) : IScopedService
{
    /// <summary>The deadline of a <paramref name="subject"/> filing for a supervision in <paramref name="where"/> ending on <paramref name="end"/> (China date).</summary>
    /// <remarks>Periods that are parameters (docs/parameters.md) are read at the end day, the day the period starts running.</remarks>
    public async Task<FilingDeadline> ForAsync(DeadlineSubject subject, JurisdictionCode where, DateOnly end, TaskKind kind, CancellationToken ct)
    {
        var bound = policies.BindTo((await parameters.CurrentAsync(ct)).AsOf(end));
        if (FilingDeadlines.Governing(bound, subject, where, end, kind) is null) return FilingDeadline.None(subject);
        return FilingDeadlines.For(bound, subject, where, end, await calendars.CurrentAsync(ct), kind);
    }
}
