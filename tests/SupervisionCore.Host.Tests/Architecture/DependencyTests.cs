using System.Reflection;
using NetArchTest.Rules;

namespace SupervisionCore.Host.Tests.Architecture;

/// <summary>Dependencies point one way: Host → Kernel ← packs. The kernel is pure .NET; packs never see the Host or each other.</summary>
public sealed class DependencyTests
{
    private static readonly Assembly Kernel = typeof(SupervisionCore.Kernel.Plugins.IPolicyPack).Assembly;

    public static TheoryData<string> PackAssemblies() =>
    [
        .. Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "plugins"))
            .Select(d => Directory.GetFiles(d, "SupervisionCore.Plugins.*.dll").Single()),
    ];

    [Theory]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("FastEndpoints")]
    [InlineData("Npgsql")]
    [InlineData("SupervisionCore.Host")]
    [InlineData("SupervisionCore.Plugins")]
    public void Kernel_does_not_depend_on(string forbidden)
    {
        var result = Types.InAssembly(Kernel).ShouldNot().HaveDependencyOn(forbidden).GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
        Kernel.GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain(n => n.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PackAssemblies))]
    public void A_pack_references_neither_the_host_nor_another_pack(string path)
    {
        var pack = Assembly.LoadFile(path);
        var own = pack.GetName().Name!;
        var references = pack.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        references.ShouldNotContain("SupervisionCore.Host");
        // The shared helpers package (SupervisionCore.Plugins.AspNetCore) is no pack: the Host loads it and shares it.
        references.Where(r => r.StartsWith("SupervisionCore.Plugins.", StringComparison.Ordinal) && r != own && r != SharedHelpers).ShouldBeEmpty();
        var result = Types.InAssembly(pack).ShouldNot().HaveDependencyOn("SupervisionCore.Host").GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_host_does_not_reference_any_pack()
    {
        typeof(SupervisionHost).Assembly.GetReferencedAssemblies().Select(a => a.Name!)
            .ShouldNotContain(n => n.StartsWith("SupervisionCore.Plugins.", StringComparison.Ordinal) && n != SharedHelpers);
    }

    private const string SharedHelpers = "SupervisionCore.Plugins.AspNetCore";

    [Theory]
    [MemberData(nameof(PackAssemblies))]
    public void A_pack_ships_only_its_own_assembly_not_the_shared_ones(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        foreach (var shared in new[] { "SupervisionCore.Kernel.dll", "SupervisionCore.Plugins.AspNetCore.dll", "FastEndpoints.dll", "FluentValidation.dll", "Microsoft.EntityFrameworkCore.dll", "Npgsql.dll" })
            File.Exists(Path.Combine(folder, shared)).ShouldBeFalse($"{shared} in {folder} would hide the pack's endpoints or rules");
    }
}
