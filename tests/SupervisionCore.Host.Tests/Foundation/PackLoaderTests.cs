using System.Text.Json.Nodes;
using SupervisionCore.Host.Plugins;

namespace SupervisionCore.Host.Tests.Foundation;

/// <summary>The loader refuses a bad pack with one message naming the pack and the reason.</summary>
public sealed class PackLoaderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sc-packs-" + Guid.NewGuid().ToString("N")[..8]);
    private static readonly string Bundled = Path.Combine(AppContext.BaseDirectory, "plugins");

    public PackLoaderTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string CopyPack(string id, string? asId = null, Action<JsonObject>? edit = null)
    {
        var target = Path.Combine(_root, asId ?? id);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(Bundled, id)))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        if (edit is not null)
        {
            var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "pack.json")))!.AsObject();
            edit(manifest);
            File.WriteAllText(Path.Combine(target, "pack.json"), manifest.ToJsonString());
        }
        return target;
    }

    private PackLoadException Refused(params string[] enabled) =>
        Should.Throw<PackLoadException>(() => PackLoader.Load(new PluginsOptions { Path = _root, Enabled = [.. enabled] }));

    [Fact]
    public void Loads_every_bundled_pack_from_disk_with_its_endpoints()
    {
        var packs = PackLoader.Load(new PluginsOptions { Path = Bundled });
        packs.Select(p => p.Manifest.Id).ShouldBe(["bj-etdz", "gd", "yn"]);
        packs.ShouldAllBe(p => p.EndpointTypes.Count > 0 && p.Pack.Rules.Count > 0);
    }

    [Fact]
    public void Refuses_an_unknown_enabled_id_and_lists_what_was_found()
    {
        CopyPack("gd");
        var ex = Refused("hunan");
        ex.Message.ShouldStartWith("pack 'hunan'");
        ex.Message.ShouldContain("found: gd");
    }

    [Theory]
    [InlineData("3.0", "major versions differ")]
    [InlineData("2.9", "upgrade the Host")]
    [InlineData("1.3", "built for kernel contract 1.3, this Host offers 2.0 (major versions differ: rebuild the pack against SupervisionCore.Kernel 2.0)")]
    [InlineData("1.0", "built for kernel contract 1.0, this Host offers 2.0")]
    [InlineData("0.9", "major versions differ")]
    public void Refuses_an_incompatible_kernel_contract(string contract, string reason)
    {
        CopyPack("gd", edit: m => m["kernelContract"] = contract);
        var ex = Refused("gd");
        ex.Message.ShouldContain("pack 'gd' is incompatible");
        ex.Message.ShouldContain(reason);
    }

    [Fact]
    public void Refuses_a_manifest_whose_id_is_not_its_folder_name()
    {
        CopyPack("gd", asId: "gd2");
        Refused("gd2").Message.ShouldContain("its pack.json says id 'gd'");
    }

    [Fact]
    public void Refuses_a_missing_assembly()
    {
        CopyPack("yn", edit: m => m["assembly"] = "Missing.dll");
        Refused("yn").Message.ShouldContain("assembly 'Missing.dll'");
    }

    [Fact]
    public void Refuses_an_incomplete_or_broken_manifest()
    {
        CopyPack("gd", edit: m => m.Remove("jurisdictions"));
        Refused("gd").Message.ShouldStartWith("pack 'gd': pack.json is not valid");
        var yn = CopyPack("yn");
        File.WriteAllText(Path.Combine(yn, "pack.json"), "{ not json");
        Refused("yn").Message.ShouldStartWith("pack 'yn': pack.json is not valid");
    }

    [Fact]
    public void Refuses_an_assembly_that_is_not_a_pack()
    {
        var folder = CopyPack("gd", edit: m => m["assembly"] = "SupervisionCore.Host.dll");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "SupervisionCore.Host.dll"), Path.Combine(folder, "SupervisionCore.Host.dll"));
        Refused("gd").Message.ShouldContain("no class implementing IPolicyPack");
    }

    [Fact]
    public void Refuses_a_plugins_folder_that_does_not_exist()
    {
        var ex = Should.Throw<PackLoadException>(() => PackLoader.Load(new PluginsOptions { Path = Path.Combine(_root, "nope"), Enabled = ["gd"] }));
        ex.Message.ShouldContain("does not exist");
    }
}
