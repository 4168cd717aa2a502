using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Yunnan.Features.Learning;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>Who is already revoked or dismissed when a learning year closes (YN 17 never revokes twice).</summary>
public class StandingRemovalTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.FromHours(8));

    private static SupervisorFileEntry Sanction(int minutes, string measure, string ground = "yn.dispatch.refusal-limit") =>
        new(T0.AddMinutes(minutes), SupervisorFileEntryKinds.Sanction, null, null, new Dictionary<string, string?> { ["measure"] = measure, ["ground"] = ground });

    private static SupervisorFileEntry Appointed(int minutes) =>
        new(T0.AddMinutes(minutes), SupervisorFileEntryKinds.Appointed, null, null, new Dictionary<string, string?> { ["term"] = "1" });

    public static TheoryData<string, SupervisorFileEntry[], int?> Cases => new()
    {
        // name, the file, the minute of the sanction that stands (null: none stands)
        { "nothing", [Appointed(0)], null },
        { "revoked_under_another_rule", [Appointed(0), Sanction(10, "revocation")], 10 },
        { "revoked_under_the_same_rule", [Appointed(0), Sanction(10, "revocation", "yn.learning.annual")], 10 },
        { "dismissed", [Appointed(0), Sanction(10, "dismissal", "not-performing-duties")], 10 },
        { "criticised_only", [Appointed(0), Sanction(10, "criticism")], null },
        { "suspended_only", [Appointed(0), Sanction(10, "suspension")], null },
        { "banned_only", [Appointed(0), Sanction(10, "ban")], null },
        { "dismissed_then_appointed_again", [Appointed(0), Sanction(10, "dismissal"), Appointed(11)], null },
        { "appointed_in_the_same_instant_as_the_dismissal", [Appointed(0), Sanction(10, "dismissal"), Appointed(10)], 10 },
        { "dismissed_reappointed_then_revoked", [Appointed(0), Sanction(10, "dismissal"), Appointed(20), Sanction(30, "revocation")], 30 },
        { "revoked_then_criticised", [Appointed(0), Sanction(10, "revocation"), Sanction(20, "criticism")], 10 },
        { "in_any_order", [Sanction(10, "revocation"), Appointed(0)], 10 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_latest_removal_stands_unless_the_person_was_appointed_again_after_it(string name, SupervisorFileEntry[] file, int? standing)
    {
        var found = StandingRemoval.Of(file);
        (found is null ? (int?)null : (int)(found.At - T0).TotalMinutes).ShouldBe(standing, name);
    }
}
