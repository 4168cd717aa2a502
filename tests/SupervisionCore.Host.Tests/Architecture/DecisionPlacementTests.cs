using System.Text.RegularExpressions;
using SupervisionCore.Host.Tests.Usability;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Host.Tests.Architecture;

/// <summary>
/// Decide in the kernel, persist in the Host (docs/adr/0006): a rule violation is created only by a rule — in
/// <c>src/Kernel</c> or a pack's <c>Rules/</c> folder — and every extension point a pack can declare is read by the Host.
/// These read the source tree, so an endpoint that creates a violation of its own fails here before review.
/// </summary>
public sealed partial class DecisionPlacementTests
{
    /// <summary>What creating a violation looks like: a descriptor's <c>Violated</c>, a <c>Violation</c>, a failed outcome, a refused decision.</summary>
    [GeneratedRegex(@"\.Violated\(|new Violation\(|RuleOutcome\.Fail\(|Decision\.Refuse", RegexOptions.CultureInvariant)]
    private static partial Regex CreatesAViolation();

    /// <summary>
    /// Places that build a <c>Violation</c> without deciding anything, each with the reason. Nothing else outside the kernel
    /// and the packs' Rules may.
    /// </summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        // Rehydrates a registry bar stored when a pack's sanction rule decided it (RegistryBar.Violation): a read, not a decision.
        ["src/Host/Features/Packs/Services/SupervisionDirectory.cs"] = "new Violation(r.b.Rule, r.b.Citation",
    };

    private static IEnumerable<string> SourceFiles(string root, string folder) =>
        Directory.Exists(Path.Combine(root, folder))
            ? Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : [];

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [Fact]
    public void Violations_are_created_only_in_the_kernel_and_the_packs_rules()
    {
        var root = Tooling.RepoRoot();
        var outside = SourceFiles(root, "src/Host")
            .Concat(SourceFiles(root, "plugins").Where(f => !Relative(root, f).Split('/').Contains("Rules")))
            .Concat(SourceFiles(root, "templates").Where(f => !Relative(root, f).Split('/').Contains("Rules")));
        var found = new List<string>();
        foreach (var file in outside)
        {
            var path = Relative(root, file);
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!CreatesAViolation().IsMatch(lines[i])) continue;
                if (Allowed.TryGetValue(path, out var allowed) && lines[i].Contains(allowed, StringComparison.Ordinal)) continue;
                found.Add($"{path}:{i + 1}: {lines[i].Trim()}");
            }
        }
        found.ShouldBeEmpty("an endpoint, Host service or pack feature decides a rule itself; move the decision into the kernel or the pack's Rules:\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_test_itself_finds_a_violation_created_in_an_endpoint()
    {
        CreatesAViolation().IsMatch("await Send.ResultAsync(Problems.Violations([NationalRules.TaskKinds.Violated(new(\"x\", \"y\"))]));").ShouldBeTrue();
        CreatesAViolation().IsMatch("return RuleOutcome.Fail(v);").ShouldBeTrue();
        CreatesAViolation().IsMatch("var v = new Violation(rule, citation, message);").ShouldBeTrue();
        CreatesAViolation().IsMatch("await Send.ResultAsync(Problems.Violations(decision.Violations));").ShouldBeFalse();
    }

    /// <summary>
    /// Every extension a pack declares is honoured: its extension point is read by the Host (which runs it for every pack,
    /// as the dispatch screen runs <c>EligibilityStages.Dispatch</c> rules), or — for points whose facts only the pack holds
    /// (a year close over its learning sessions, a fee statement over its rates) — the pack's own code runs the class.
    /// A declared extension that nothing runs fails here.
    /// </summary>
    [Theory]
    [MemberData(nameof(DependencyTests.PackAssemblies), MemberType = typeof(DependencyTests))]
    public void Every_extension_a_pack_declares_is_run(string path)
    {
        var root = Tooling.RepoRoot();
        var host = string.Join("\n", SourceFiles(root, "src/Host").Select(File.ReadAllText));
        var pack = System.Reflection.Assembly.LoadFile(path);
        var packFolder = Directory.GetDirectories(Path.Combine(root, "plugins"))
            .Single(d => File.Exists(Path.Combine(d, Path.GetFileNameWithoutExtension(path) + ".csproj")));
        var packSources = SourceFiles(root, Relative(root, packFolder)).ToDictionary(f => f, File.ReadAllText);
        var unrun = new List<string>();
        foreach (var type in pack.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPackExtension).IsAssignableFrom(t)))
        {
            var points = type.GetInterfaces().Where(i => i.Assembly == typeof(IPackExtension).Assembly && typeof(IPackExtension).IsAssignableFrom(i)
                && i != typeof(IPackExtension) && i != typeof(IRuleExtension)).ToList();
            var readByHost = points.Any(i => Regex.IsMatch(host, $@"(IEnumerable<|GetServices<|GetService<|GetRequiredService<)\s*{i.Name}\b"));
            var runByPack = packSources.Any(f => !f.Key.EndsWith(Path.DirectorySeparatorChar + type.Name + ".cs", StringComparison.Ordinal)
                && Regex.IsMatch(f.Value, $@"\b{type.Name}\b"));
            if (!readByHost && !runByPack) unrun.Add($"{type.Name} ({string.Join(", ", points.Select(i => i.Name))})");
        }
        unrun.ShouldBeEmpty("extensions declared and run by nothing: " + string.Join("; ", unrun));
    }
}
