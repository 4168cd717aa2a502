using System.Text.RegularExpressions;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Kernel.Tests.Plugins;

/// <summary>
/// The public surface of the pack contract (namespace <c>SupervisionCore.Kernel.Plugins</c>) is listed in docs/plugins.md
/// §8 with its count: a public type added or removed without the list changing fails here, naming it.
/// </summary>
public partial class ContractSurfaceTests
{
    private static readonly string[] Exported = [.. typeof(KernelContract).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == typeof(KernelContract).Namespace && !t.IsNested)
        .Select(t => t.Name).Order(StringComparer.Ordinal)];

    private static string Section()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var doc = Path.Combine(dir.FullName, "docs", "plugins.md");
            if (File.Exists(doc))
            {
                var text = File.ReadAllText(doc);
                var start = text.IndexOf("## 8. The contract's public surface", StringComparison.Ordinal);
                start.ShouldBeGreaterThanOrEqualTo(0, "docs/plugins.md has no section '## 8. The contract's public surface'");
                return text[start..];
            }
        }
        throw new InvalidOperationException("docs/plugins.md not found above the test folder");
    }

    [GeneratedRegex(@"^- [A-Za-z ]+ \(\d+\): (.+)$", RegexOptions.Multiline)]
    private static partial Regex ListLine();

    [GeneratedRegex(@"\*\*(\d+) public types\*\*")]
    private static partial Regex Count();

    [Fact]
    public void Every_public_type_of_the_contract_is_listed_in_docs_plugins_md()
    {
        var section = Section();
        var listed = ListLine().Matches(section).SelectMany(m => Regex.Matches(m.Groups[1].Value, "`([^`]+)`").Select(x => x.Groups[1].Value))
            .Order(StringComparer.Ordinal).ToArray();
        Exported.Except(listed).ShouldBeEmpty("public types of SupervisionCore.Kernel.Plugins missing from docs/plugins.md §8");
        listed.Except(Exported).ShouldBeEmpty("types listed in docs/plugins.md §8 that the contract no longer has");
        int.Parse(Count().Match(section).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(Exported.Length);
    }

    [Fact]
    public void The_2_0_contract_has_69_public_types() => Exported.Length.ShouldBe(69);
}
