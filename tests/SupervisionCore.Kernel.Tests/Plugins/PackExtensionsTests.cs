using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Plugins;

public class PackExtensionsTests
{
    private sealed record Ext(string PackId, JurisdictionCode Scope, RuleDescriptor Rule) : IRuleExtension;

    private static Ext Make(string pack, string scope, DateOnly from, DateOnly? to = null) =>
        new(pack, JurisdictionCode.Parse(scope),
            new RuleDescriptor($"{pack}.x", new LocalizedText("x", "x"), new Citation("X", "1", "第一条"),
                JurisdictionCode.Parse(scope), pack, from, to));

    private static readonly DateOnly Y2020 = new(2020, 1, 1);

    [Fact]
    public void Applicable_keeps_national_and_pack_rules_in_force_where_the_act_is()
    {
        var cn = Make("cn", "CN", Y2020);
        var gd = Make("gd", "44", Y2020);
        var bj = Make("bj", "11.ETDZ", Y2020);
        var old = Make("gd", "44", Y2020, new DateOnly(2021, 12, 31));
        var future = Make("gd", "44", new DateOnly(2030, 1, 1));
        Ext[] all = [cn, gd, bj, old, future];

        all.Applicable(JurisdictionCode.Parse("44.A"), new DateOnly(2024, 5, 6)).ShouldBe([cn, gd]);
        all.Applicable(JurisdictionCode.Parse("44"), new DateOnly(2021, 12, 31)).ShouldBe([cn, gd, old]);
        all.Applicable(JurisdictionCode.Parse("11"), new DateOnly(2024, 5, 6)).ShouldBe([cn]);
    }

    [Fact]
    public void Most_specific_scope_wins()
    {
        var cn = Make("cn", "CN", Y2020);
        var gd = Make("gd", "44", Y2020);
        var city = Make("gd", "44.A", Y2020);
        Ext[] all = [cn, city, gd];

        all.MostSpecific(JurisdictionCode.Parse("44.A")).ShouldBe(city);
        all.MostSpecific(JurisdictionCode.Parse("44.B")).ShouldBe(gd);
        all.MostSpecific(JurisdictionCode.Parse("53")).ShouldBe(cn);
        new[] { gd }.MostSpecific(JurisdictionCode.Parse("53")).ShouldBeNull();
    }

    [Theory]
    [InlineData(2, null, 1, false)]
    [InlineData(2, null, 2, true)]
    [InlineData(2, null, 9, true)]
    [InlineData(2, 2, 3, false)]
    [InlineData(3, 3, 3, true)]
    public void Staffing_requirement_bounds_are_inclusive(int required, int? allowed, int count, bool ok) =>
        new StaffingRequirement(SupervisorKind.External, required, allowed).IsSatisfiedBy(count).ShouldBe(ok);

    [Theory]
    [InlineData(0, "0")]
    [InlineData(239, "3.98")]
    [InlineData(240, "4")]
    [InlineData(241, "4.02")]
    [InlineData(1440, "24")]
    public void Fee_day_hours_round_to_two_decimals(int minutes, string hours) =>
        new FeeDay(new DateOnly(2024, 1, 2), minutes, FeeUnit.HalfDay, 0m).Hours.ShouldBe(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture));
}
