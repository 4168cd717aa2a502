using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Sanctions;
using SupervisionCore.Plugins.BeijingEtdz.Rules;
using SupervisionCore.Plugins.BeijingEtdz.Sanctions;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class RotationCoverageAndSanctionTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>History from "A@2024-01-10" entries (institution@date, optional "!refused").</summary>
    private static DispatchHistoryEntry[] History(params string[] entries) =>
    [
        .. entries.Select((e, i) =>
        {
            var parts = e.Split('!')[0].Split('@');
            return new DispatchHistoryEntry($"t{i}", parts[0], D(parts[1]), e.EndsWith("!refused", StringComparison.Ordinal) ? DispatchResponse.Refused : DispatchResponse.Accepted);
        }),
    ];

    private static DispatchExclusion? Rotation(string institution, string date, SupervisorKind kind, params string[] history) =>
        new RotationRule().Evaluate(new DispatchContext(new CandidateInfo { SupervisorId = "s1", Kind = kind },
            new TaskInfo { TaskId = "new", Kind = TaskKind.Daily, Jurisdiction = JurisdictionCode.Parse("11.ETDZ"), InstitutionId = institution, ActivityDate = D(date) },
            History(history)));

    public static TheoryData<string, string, string[], bool> RotationCases => new()
    {
        { "A", "2025-06-01", [], false },                                   // first dispatch
        { "A", "2025-06-01", ["A@2025-03-01"], true },                     // A then A: refused
        { "A", "2025-06-01", ["A@2025-03-01", "B@2025-04-01"], false },    // A, B, A: rotated
        { "B", "2025-06-01", ["A@2025-03-01"], false },                    // another institution
        { "A", "2025-06-01", ["A@2025-03-01!refused"], false },            // a refusal is no dispatch
        { "A", "2025-06-01", ["A@2024-06-01"], false },                    // a year and a day before: rotated by time
        { "A", "2025-06-01", ["A@2024-06-02"], true },                     // exactly within a year: refused
        { "A", "2025-06-01", ["A@2025-09-01"], true },                     // the next dispatch (already made) is to A too
        { "A", "2025-06-01", ["A@2026-05-31"], true },                     // … within a year after
        { "A", "2025-06-01", ["A@2026-06-01"], false },                    // … a year and a day after
        { "A", "2025-06-01", ["B@2025-07-01", "A@2025-09-01"], false },    // B comes between
        { "A", "2025-06-01", ["A@2025-06-01"], true },                     // the same day at the same institution
    };

    [Theory]
    [MemberData(nameof(RotationCases))]
    public void Rotation_refuses_two_dispatches_in_a_row_to_one_institution_within_a_year(string institution, string date, string[] history, bool excluded)
    {
        var exclusion = Rotation(institution, date, SupervisorKind.External, history);
        (exclusion is not null).ShouldBe(excluded);
        if (exclusion is null) return;
        exclusion.RuleId.ShouldBe("bj.dispatch.rotation");
        exclusion.Violation.Citation.ShouldBe("BJ 9");
        exclusion.SupervisorId.ShouldBe("s1");
    }

    [Fact]
    public void Rotation_concerns_external_supervisors_only() =>
        Rotation("A", "2025-06-01", SupervisorKind.Internal, "A@2025-03-01").ShouldBeNull();

    [Theory]
    [InlineData("skill-level-recognition", 0, true)]
    [InlineData("skill-level-recognition", 1, false)]
    [InlineData("competition", 0, false)] // chapter 4: competitions are checked by external supervisors
    public void A_recognition_activity_without_an_internal_supervisor_is_flagged(string kind, int internals, bool flagged)
    {
        var v = new InternalFullCoverageRule().Check(new ActivityCoverage("act-1", JurisdictionCode.Parse("11.ETDZ"), ActivityKinds.Parse(kind)!.Value, new DateOnly(2025, 6, 10),
            [.. Enumerable.Range(1, internals).Select(i => $"s{i}")]));
        (v is not null).ShouldBe(flagged);
        if (v is null) return;
        v.Rule.ShouldBe("bj.internal.full-coverage");
        v.Citation.ShouldBe("BJ 24");
    }

    private static readonly BeijingEtdzSanctionGrounds Grounds = new();

    [Theory]
    [InlineData("bj.not-performing-duties", "criticism", "11.ETDZ", "2025-06-20", null)]
    [InlineData("bj.private-gain", "suspension", "11.ETDZ", "2025-06-20", null)]
    [InlineData("bj.private-gain", "revocation", "11.ETDZ", "2025-06-20", null)]
    [InlineData("bj.not-performing-duties", "dismissal", "11.ETDZ", "2025-06-20", "not 'dismissal'")] // BJ 31 names three measures
    [InlineData("bj.not-performing-duties", "ban", "11.ETDZ", "2025-06-20", "not 'ban'")]
    [InlineData("bj.not-performing-duties", "criticism", "11", "2025-06-20", "applies only in 11.ETDZ")]  // Beijing outside the zone
    [InlineData("bj.not-performing-duties", "criticism", "11.ETDZ", "2022-12-31", "not in force")]
    public void A_BJ_31_ground_allows_its_three_measures_in_the_zone(string ground, string measure, string where, string on, string? problem)
    {
        var (extension, definition) = new ISanctionGrounds[] { Grounds }.FindGround(ground, SanctionTarget.Supervisor)!.Value;
        var outcome = SanctionGrounds.Check(extension, definition, measure, JurisdictionCode.Parse(where), D(on));
        if (problem is null) { outcome.Passed.ShouldBeTrue(); return; }
        var v = outcome.Violations.ShouldHaveSingleItem();
        v.Rule.ShouldBe("bj.sanction.supervisor");
        v.Citation.ShouldBe("BJ 31");
        v.Message.En.ShouldContain(problem);
    }

    [Fact]
    public void BJ_31_has_two_grounds_and_BJ_30_six_on_the_national_ladder()
    {
        Grounds.Grounds.Count(g => g.Target == SanctionTarget.Supervisor).ShouldBe(2);
        var institution = Grounds.Grounds.Where(g => g.Target == SanctionTarget.Institution).ToList();
        institution.Select(g => g.Citation.ToString()).ShouldBe(["BJ 30(一)", "BJ 30(二)", "BJ 30(三)", "BJ 30(四)", "BJ 30(五)", "BJ 30(六)"]);
        institution.ShouldAllBe(g => g.Rule == "cn.sanction.institution-ladder" && g.Measures.SequenceEqual(BeijingEtdzSanctionGrounds.InstitutionMeasures));
        Grounds.Grounds.ShouldAllBe(g => g.Key.StartsWith("bj.", StringComparison.Ordinal) && g.Key.Length <= 60);
        Grounds.Grounds.Select(g => g.Key).ShouldBeUnique();
        Grounds.Measures.ShouldBeEmpty(); // BJ 31's measures are national ones
    }
}
