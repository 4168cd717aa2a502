using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Tests;

public class ArchitectureTests
{
    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("FastEndpoints")]
    [InlineData("FluentValidation")]
    [InlineData("Npgsql")]
    [InlineData("SupervisionCore.Host")]
    [InlineData("SupervisionCore.Plugins")]
    public void Kernel_references_no(string prefix) =>
        typeof(KernelContract).Assembly.GetReferencedAssemblies()
            .ShouldNotContain(a => a.Name!.StartsWith(prefix, StringComparison.Ordinal));

    [Fact]
    public void Every_extension_point_derives_from_the_marker()
    {
        Type[] points =
        [
            typeof(ICardNumberScheme), typeof(IEligibilityRule), typeof(IDispatchConstraint), typeof(IStaffingRule),
            typeof(IDeadlinePolicy), typeof(IFeeSchedule), typeof(ILifecycleRule), typeof(IFormCatalogue),
        ];
        points.ShouldAllBe(t => typeof(IPackExtension).IsAssignableFrom(t));
    }
}
