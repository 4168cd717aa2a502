using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SupervisionCore.Plugins.Testing.Hosting;

namespace SupervisionCore.Sdk.Tests;

/// <summary>
/// The issue-8 proof: a third-party developer's path from `dotnet new` to a deployed pack, without our source tree.
/// Packs SupervisionCore.Kernel, the conformance kit and the template to a temporary local feed (a unique prerelease
/// version, so the machine's NuGet cache is reused and never serves a stale copy), installs the template in a private
/// template hive, creates the Hunan pack (jurisdiction 43) in a temporary folder outside the solution, builds it and
/// runs its generated tests (the conformance kit, which also loads it into the Host) against the packed contract, then
/// places it next to the bundled packs and calls its endpoint and the rule catalogue through the real Host.
/// </summary>
public sealed class TemplateProofTests
{
    private static readonly string Root = typeof(TemplateProofTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SupervisionCore.RepositoryRoot").Value!;

    private static readonly string[] Bundled = ["bj-etdz", "gd", "yn"];

    [Fact]
    public async Task A_pack_made_from_the_template_builds_against_the_packed_contract_passes_the_kit_and_serves_through_the_Host()
    {
        var work = Directory.CreateTempSubdirectory("sc-sdk-proof-").FullName;
        try
        {
            var version = "2.0.0-proof." + Guid.NewGuid().ToString("N")[..12];
            var feed = Path.Combine(work, "feed");
            var hive = Path.Combine(work, "template-hive");
            var packArgs = new[] { "-c", "Release", "-o", feed, $"-p:Version={version}", "-p:ContinuousIntegrationBuild=false" };

            // 1. The packed contract, kit and template.
            await Dotnet.RunAsync(Root, null, ["pack", "src/Kernel/SupervisionCore.Kernel.csproj", .. packArgs]);
            await Dotnet.RunAsync(Root, null, ["pack", "src/Plugins.Testing/SupervisionCore.Plugins.Testing.csproj", .. packArgs]);
            await Dotnet.RunAsync(Root, null, ["pack", "templates/SupervisionCore.Templates.csproj", .. packArgs]);
            AssertKernelPackage(Path.Combine(feed, $"SupervisionCore.Kernel.{version}.nupkg"), version);

            // 2. A folder outside the solution: our Directory.Build.props/Packages.props cannot reach it (the generated
            //    Directory.Build.props stops MSBuild's search); NuGet sees the local feed beside the machine's sources.
            var dev = Path.Combine(work, "dev");
            Directory.CreateDirectory(dev);
            await File.WriteAllTextAsync(Path.Combine(dev, "nuget.config"),
                $"""<?xml version="1.0" encoding="utf-8"?><configuration><packageSources><add key="supervisioncore-local" value="{feed}" /></packageSources></configuration>""");
            await Dotnet.RunAsync(dev, null, ["new", "install", Path.Combine(feed, $"SupervisionCore.Templates.{version}.nupkg"), "--debug:custom-hive", hive]);
            await Dotnet.RunAsync(dev, null, ["new", "sc-pack", "-n", "SupervisionCore.Plugins.Hunan", "-o", "hunan", "--packId", "hunan",
                "--jurisdiction", "43", "--document", "HN", "--nameZh", "湖南省质量督导", "--nameEn", "Hunan quality supervision",
                "--kernelVersion", version, "--debug:custom-hive", hive]);
            var project = Path.Combine(dev, "hunan");
            File.ReadAllText(Path.Combine(project, "src", "SupervisionCore.Plugins.Hunan", "pack.json")).ShouldContain("\"kernelContract\": \"2.0\"");

            // 3. Build and run the generated tests (rule tests + the conformance kit, which loads the pack into this Host).
            var test = await Dotnet.RunAsync(project, new Dictionary<string, string> { [HostLocator.EnvironmentVariable] = AppContext.BaseDirectory },
                ["test", Path.Combine("tests", "SupervisionCore.Plugins.Hunan.Tests", "SupervisionCore.Plugins.Hunan.Tests.csproj")]);
            test.ShouldContain("Passed!"); // the exit code already says no test failed
            var assets = await File.ReadAllTextAsync(Path.Combine(project, "src", "SupervisionCore.Plugins.Hunan", "obj", "project.assets.json"));
            assets.ShouldContain($"SupervisionCore.Kernel/{version}"); // the packed contract, not a project reference

            // 4. Deploy: the pack's build output into a plugins folder next to the bundled packs.
            var output = Path.Combine(project, "src", "SupervisionCore.Plugins.Hunan", "bin", "Debug", "net10.0");
            Directory.GetFiles(output, "*.dll").Select(Path.GetFileName).ShouldBe(["SupervisionCore.Plugins.Hunan.dll"]); // ships only itself
            var plugins = Path.Combine(work, "plugins");
            foreach (var id in Bundled) CopyFolder(Path.Combine(AppContext.BaseDirectory, "plugins", id), Path.Combine(plugins, id));
            CopyFolder(output, Path.Combine(plugins, "hunan"));
            // A pack built for an older minor of the contract (2.0) loads in a Host of the same major.
            SetContract(Path.Combine(plugins, "hunan", "pack.json"), "2.0");

            await using (var host = HostRun.Start(AppContext.BaseDirectory, plugins, [.. Bundled, "hunan"], Path.Combine(work, "host")))
            {
                await host.WaitReadyAsync(TimeSpan.FromMinutes(5)); // a safety net for a loaded machine, not a speed check
                using var client = host.CreateClient(await host.AdminTokenAsync());

                using var eligible = await client.PostAsJsonAsync(new Uri("api/v1/regions/hunan/eligibility/checks", UriKind.Relative), new { examinerYears = 3 });
                eligible.StatusCode.ShouldBe(HttpStatusCode.OK, await eligible.Content.ReadAsStringAsync());
                (await Json(eligible))["eligible"]!.GetValue<bool>().ShouldBeTrue();

                using var refused = await client.PostAsJsonAsync(new Uri("api/v1/regions/hunan/eligibility/checks", UriKind.Relative), new { examinerYears = 2 });
                var body = await Json(refused);
                body["eligible"]!.GetValue<bool>().ShouldBeFalse();
                var violation = body["violations"]!.AsArray().ShouldHaveSingleItem()!;
                ((string?)violation["rule"]).ShouldBe("hunan.eligibility.experience");
                ((string?)violation["citation"]).ShouldBe("HN 6");

                using var invalid = await client.PostAsJsonAsync(new Uri("api/v1/regions/hunan/eligibility/checks", UriKind.Relative), new { examinerYears = 99 });
                invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                (await invalid.Content.ReadAsStringAsync()).ShouldContain("examinerYears");

                var rules = JsonNode.Parse(await client.GetStringAsync(new Uri("api/v1/rules?jurisdiction=43", UriKind.Relative)))!["items"]!.AsArray();
                var rule = rules.Single(r => (string?)r!["id"] == "hunan.eligibility.experience")!;
                rule.ToJsonString().ShouldContain("hunan");
                rules.ShouldNotContain(r => ((string?)r!["id"])!.StartsWith("gd.", StringComparison.Ordinal)); // 44's rules stay in 44

                var packs = JsonNode.Parse(await client.GetStringAsync(new Uri("api/v1/packs", UriKind.Relative)))!["items"]!.AsArray();
                packs.Select(p => (string?)p!["id"]).ShouldContain("hunan");

                using var anonymous = host.CreateClient();
                using var noToken = await anonymous.PostAsJsonAsync(new Uri("api/v1/regions/hunan/eligibility/checks", UriKind.Relative), new { examinerYears = 3 });
                noToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }

            // 5. The same pack claiming the older major contract (1.x) is refused at start-up, naming the pack and the contract.
            SetContract(Path.Combine(plugins, "hunan", "pack.json"), "1.3");
            await using (var refusedHost = HostRun.Start(AppContext.BaseDirectory, plugins, ["hunan"], Path.Combine(work, "host2")))
            {
                var failure = await Should.ThrowAsync<InvalidOperationException>(() => refusedHost.WaitReadyAsync(TimeSpan.FromMinutes(5)));
                failure.Message.ShouldContain("pack 'hunan' is incompatible: built for kernel contract 1.3, this Host offers 2.0 (major versions differ");
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static void AssertKernelPackage(string path, string version)
    {
        using var zip = ZipFile.OpenRead(path);
        zip.Entries.Select(e => e.FullName).ShouldContain("lib/net10.0/SupervisionCore.Kernel.dll");
        zip.Entries.Select(e => e.FullName).ShouldContain("lib/net10.0/SupervisionCore.Kernel.xml"); // XML docs for IntelliSense
        using var nuspec = zip.GetEntry("SupervisionCore.Kernel.nuspec")!.Open();
        var metadata = XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        metadata.Elements().Single(e => e.Name.LocalName == "version").Value.ShouldBe(version);
        metadata.Elements().Single(e => e.Name.LocalName == "repository").Attribute("type")!.Value.ShouldBe("git");
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    private static void SetContract(string manifest, string contract)
    {
        var json = JsonNode.Parse(File.ReadAllText(manifest))!;
        json["kernelContract"] = contract;
        File.WriteAllText(manifest, json.ToJsonString());
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
