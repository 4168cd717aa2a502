using System.Security.Claims;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Guangdong.Access;
using SupervisionCore.Plugins.Guangdong.Rules;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class CoverageAndAccessTests
{
    private static ActivityCoverage Activity(ActivityKind kind, params string[] internals) =>
        new("act-1", JurisdictionCode.Parse("44.A"), kind, new DateOnly(2025, 6, 10), internals);

    [Theory]
    [InlineData(ActivityKind.SkillLevelRecognition, 0, true)]
    [InlineData(ActivityKind.VocationalQualification, 0, true)]
    [InlineData(ActivityKind.SpecialAbility, 0, true)]
    [InlineData(ActivityKind.SkillLevelRecognition, 1, false)]
    [InlineData(ActivityKind.VocationalQualification, 2, false)]
    [InlineData(ActivityKind.Competition, 0, false)] // GD 13: competitions "可参照" — by analogy, not a duty
    public void An_activity_without_an_internal_supervisor_is_flagged(ActivityKind kind, int internals, bool flagged)
    {
        var v = new InternalFullCoverageRule().Check(Activity(kind, [.. Enumerable.Range(1, internals).Select(i => $"s{i}")]));
        (v is not null).ShouldBe(flagged);
        if (v is null) return;
        v.Rule.ShouldBe("gd.internal.full-coverage");
        v.Citation.ShouldBe("GD 13");
    }

    private static ClaimsPrincipal User(string? jurisdiction) =>
        new(new ClaimsIdentity(jurisdiction is null ? [] : [new Claim("jurisdiction", jurisdiction)], "test"));

    [Theory]
    [InlineData("CN", "44")]
    [InlineData("44", "44")]
    [InlineData("44.A", "44.A")]
    [InlineData("44.W", "44.W")]
    [InlineData("43", null)]
    [InlineData("11.ETDZ", null)]
    [InlineData("nonsense", null)]
    [InlineData(null, null)]
    public void The_reach_in_Guangdong_is_the_province_or_one_city(string? claim, string? reach) =>
        GuangdongAccess.Reach(User(claim))?.Value.ShouldBe(reach);

    [Theory]
    [InlineData("44", "44.B", true)]
    [InlineData("44.A", "44.A", true)]
    [InlineData("44.A", "44.B", false)]  // a city centre sees only its city
    [InlineData("44.A", "44", false)]    // … not the provincial centre's own supervisors
    [InlineData("CN", "44.V", true)]
    [InlineData("43", "44.A", false)]
    public void A_city_centre_sees_only_its_city(string claim, string target, bool sees) =>
        GuangdongAccess.CanSee(User(claim), JurisdictionCode.Parse(target)).ShouldBe(sees);
}
