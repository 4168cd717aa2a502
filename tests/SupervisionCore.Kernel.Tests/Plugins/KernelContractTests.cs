using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Tests.Plugins;

public class KernelContractTests
{
    // 1.1–1.3 only added (optional interfaces, Host services, the pack audit): packs built for 1.0–1.2 loaded in 1.3.
    // 2.0 breaks (docs/adr/0008-kernel-contract-2.md): IPolicyPack.ConfigureServices; the one-pack companion interfaces
    // (ICardNumberExplainer, IIssuerScope, ITaskKindScoped, ICalendarDayDeadline, IDispatchAnswerRule) folded into default
    // members of ICardNumberScheme, IDeadlinePolicy and ILifecycleRule; domain enums moved to their domain namespaces;
    // typed states in the facts records. A pack built for 1.x is refused.
    [Fact]
    public void This_kernel_offers_contract_2_0() => KernelContract.Version.ToString(2).ShouldBe("2.0");

    [Theory]
    [InlineData("2.0", true)]
    [InlineData("2.0.5", true)]
    [InlineData("2.1", false)]
    [InlineData("1.0", false)]
    [InlineData("1.3", false)]
    [InlineData("1.3.9", false)]
    [InlineData("3.0", false)]
    [InlineData("0.9", false)]
    public void Loads_same_major_with_minor_not_newer(string pack, bool compatible) =>
        (KernelContract.Incompatibility(Version.Parse(pack)) is null).ShouldBe(compatible);

    [Fact]
    public void Explains_a_newer_minor() =>
        KernelContract.Incompatibility(new Version(2, 1)).ShouldNotBeNull().ShouldContain("upgrade the Host");

    [Fact]
    public void Explains_a_1_x_pack_in_one_line_naming_the_contract()
    {
        var reason = KernelContract.Incompatibility(new Version(1, 3)).ShouldNotBeNull();
        reason.ShouldContain("built for kernel contract 1.3, this Host offers 2.0 (major versions differ");
        reason.ShouldContain("rebuild the pack against SupervisionCore.Kernel 2.0");
        reason.ShouldNotContain('\n');
    }

    [Fact]
    public void Explains_a_newer_major() =>
        KernelContract.Incompatibility(new Version(3, 0)).ShouldNotBeNull().ShouldContain("major versions differ");
}
