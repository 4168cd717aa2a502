using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Plugins.Tests.PackTestData;

namespace SupervisionCore.Plugins.Tests;

public class PackCatalogueTests
{
    [Theory]
    [InlineData("gd", "gd", "GD", "44", "2021-01-01")]
    [InlineData("bj-etdz", "bj", "BJ", "11.ETDZ", "2023-01-01")]
    [InlineData("yn", "yn", "YN", "53", "2023-01-01")]
    public void Catalogue_matches_RULES_md_exactly(string packId, string prefix, string document, string jurisdiction, string from)
    {
        var pack = Pack(packId);
        pack.Id.ShouldBe(packId);
        pack.RulePrefix.ShouldBe(prefix);
        pack.Rules.Select(r => (r.Id, r.Citation.Article)).ShouldBe(Expected[packId]);
        foreach (var rule in pack.Rules)
        {
            rule.Id.ShouldStartWith(prefix + ".");
            rule.Pack.ShouldBe(packId);
            rule.Citation.Document.ShouldBe(document);
            rule.Citation.ArticleZh.ShouldNotBeNullOrWhiteSpace();
            rule.Title.Zh.ShouldNotBeNullOrWhiteSpace();
            rule.Title.En.ShouldNotBeNullOrWhiteSpace();
            rule.Jurisdiction.ShouldBe(JurisdictionCode.Parse(jurisdiction));
            rule.EffectiveFrom.ShouldBe(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
            rule.EffectiveTo.ShouldBeNull();
        }
    }

    [Theory]
    [MemberData(nameof(PackTestData.PackIds), MemberType = typeof(PackTestData))]
    public void Rule_ids_are_unique(string packId) => Pack(packId).Rules.Select(r => r.Id).ShouldBeUnique();

    [Theory]
    [MemberData(nameof(PackTestData.PackIds), MemberType = typeof(PackTestData))]
    public void Manifest_deserialises_without_problems_and_matches_the_pack(string packId)
    {
        var manifest = Manifest(packId);
        manifest.Problems().ShouldBeEmpty();
        manifest.Id.ShouldBe(Pack(packId).Id);
        KernelContract.Incompatibility(Version.Parse(manifest.KernelContract)).ShouldBeNull();
        manifest.Assembly.ShouldBe(Pack(packId).GetType().Assembly.GetName().Name + ".dll");
        manifest.Version.ShouldBe(Pack(packId).GetType().Assembly.GetName().Version!.ToString(3));
    }

    [Theory]
    [InlineData("gd", "GD", "44")]
    [InlineData("bj-etdz", "BJ", "11.ETDZ")]
    [InlineData("yn", "YN", "53")]
    public void Manifest_governs_the_rules_jurisdiction_and_names_their_source(string packId, string document, string jurisdiction)
    {
        var manifest = Manifest(packId);
        manifest.Jurisdictions.ShouldBe([jurisdiction]);
        manifest.SourceDocuments.Select(d => d.Code).ShouldContain(document);
        var governed = manifest.Jurisdictions.Select(JurisdictionCode.Parse).ToList();
        Pack(packId).Rules.ShouldAllBe(r => governed.Any(g => g.Contains(r.Jurisdiction)));
    }

    [Fact]
    public void Pack_jurisdictions_lie_below_the_manifest_jurisdictions()
    {
        foreach (var id in new[] { "gd", "bj-etdz", "yn" })
        {
            var governed = Manifest(id).Jurisdictions.Select(JurisdictionCode.Parse).ToList();
            foreach (var node in Pack(id).Jurisdictions)
                governed.ShouldContain(g => g.Contains(JurisdictionCode.Parse(node.Code)), $"{id}: {node.Code}");
        }
    }

    [Fact]
    public void Yunnan_adds_no_sub_jurisdictions() => Pack("yn").Jurisdictions.ShouldBeEmpty();

    [Fact]
    public void Beijing_adds_the_E_Town_zone()
    {
        var zone = Pack("bj-etdz").Jurisdictions.ShouldHaveSingleItem();
        zone.Code.ShouldBe("11.ETDZ");
        zone.Name.Zh.ShouldBe("北京经济技术开发区");
        zone.Name.En.ShouldBe("Beijing Economic-Technological Development Area");
    }

    [Fact]
    public void Pack_assemblies_reference_only_the_kernel_and_the_pack_helpers_of_ours()
    {
        foreach (var id in new[] { "gd", "bj-etdz", "yn" })
        {
            var assembly = Pack(id).GetType().Assembly;
            assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("SupervisionCore.", StringComparison.Ordinal))
                .ShouldBeSubsetOf(["SupervisionCore.Kernel", "SupervisionCore.Plugins.AspNetCore"], id);
        }
    }

    [Fact]
    public void Pack_projects_link_no_source_from_another_folder()
    {
        var plugins = Path.Combine(RepositoryRoot(), "plugins");
        foreach (var project in Directory.GetFiles(plugins, "*.csproj", SearchOption.AllDirectories))
            File.ReadAllText(project).ShouldNotContain("<Compile Include=\"..", Case.Insensitive, Path.GetFileName(project));
        Directory.Exists(Path.Combine(plugins, "Shared")).ShouldBeFalse("shared pack source is the SupervisionCore.Plugins.AspNetCore package now");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SupervisionCore.sln"))) return dir.FullName;
        throw new InvalidOperationException("SupervisionCore.sln not found above the test folder");
    }

    [Fact]
    public void Extensions_declare_their_pack_and_scope()
    {
        IRuleExtension[] extensions = [new SupervisionCore.Plugins.BeijingEtdz.Rules.FeeScheduleRule(), new SupervisionCore.Plugins.Yunnan.Rules.ExperienceRule()];
        foreach (var e in extensions)
        {
            e.Rule.Pack.ShouldBe(e.PackId);
            e.Scope.ShouldBe(e.Rule.Jurisdiction);
        }
    }
}
