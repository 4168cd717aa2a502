using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Tests.Plugins;

public class KernelContractTests
{
    // 1.1 added optional interfaces (IAuthorityCatalogue, IIssuerScope, ITaskKindScoped, ICalendarDayDeadline) and an
    // optional CandidateInfo list: additive, so a minor step; packs built for 1.0 still load.
    // 1.2 added activity coverage, dispatch answer and sanction consequence rules, registry bars, and the Host services
    // packs may use (ISupervisionDirectory, ISupervisorActions): additive again.
    // 1.3 added IPackAudit (packs' writes in the Host's hash-chained audit) and ISupervisionDirectory.FindTaskAsync
    // (with a default body): additive, packs built for 1.0-1.2 still load.
    [Fact]
    public void This_kernel_offers_contract_1_3() => KernelContract.Version.ToString(2).ShouldBe("1.3");

    [Theory]
    [InlineData("1.0", true)]
    [InlineData("1.0.5", true)]
    [InlineData("1.1", true)]
    [InlineData("1.2", true)]
    [InlineData("1.3", true)]
    [InlineData("1.3.9", true)]
    [InlineData("1.4", false)]
    [InlineData("2.0", false)]
    [InlineData("0.9", false)]
    public void Loads_same_major_with_minor_not_newer(string pack, bool compatible) =>
        (KernelContract.Incompatibility(Version.Parse(pack)) is null).ShouldBe(compatible);

    [Fact]
    public void Explains_a_newer_minor() =>
        KernelContract.Incompatibility(new Version(1, 4)).ShouldNotBeNull().ShouldContain("upgrade the Host");

    [Fact]
    public void Explains_a_different_major() =>
        KernelContract.Incompatibility(new Version(2, 0)).ShouldNotBeNull().ShouldContain("major versions differ");
}
