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
            typeof(IDeadlinePolicy), typeof(IFeeSchedule), typeof(ILifecycleRule), typeof(IFormCatalogue), typeof(IFormBinding),
        ];
        points.ShouldAllBe(t => typeof(IPackExtension).IsAssignableFrom(t));
    }
}

public class KernelRuleTypesTests
{
    private static readonly Type[] RuleTypes = typeof(KernelContract).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.Name.EndsWith("Rule", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void There_are_national_rule_types() => RuleTypes.Length.ShouldBeGreaterThanOrEqualTo(11);

    [Fact]
    public void Every_rule_type_exposes_a_catalogued_national_rule()
    {
        foreach (var type in RuleTypes)
        {
            typeof(IRuleExtension).IsAssignableFrom(type).ShouldBeTrue(type.Name);
            var rule = ((IRuleExtension)Activator.CreateInstance(type)!).Rule;
            SupervisionCore.Kernel.Rules.NationalRules.All.ShouldContain(rule, type.Name);
        }
    }
}
