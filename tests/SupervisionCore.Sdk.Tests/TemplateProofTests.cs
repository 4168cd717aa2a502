using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SupervisionCore.Plugins.Testing.Hosting;

namespace SupervisionCore.Sdk.Tests;

/// <summary>
/// The pack author's path, proven by running the README's "Writing a pack" block exactly as written: pack the contract,
/// the kit and the template into feed/, install the template, publish a Host, create the Hunan pack (43), run its tests
/// (the conformance kit loads it in that Host), publish it into the Host's plugins folder, start the Host, get a token,
/// see the pack in <c>GET /api/v1/packs</c> and call its endpoint. No nuget.config of ours: the template's does the job.
/// <para>
/// What differs from a person at a terminal, and only that: the block runs in a copy of this working tree (the files git
/// tracks or would add, no bin/obj — a clean clone of the current state) in a temporary folder; <c>HOME</c> is a
/// temporary folder (a private template hive, Host data and keys; the machine's user-level NuGet.Config is copied into
/// it so the same sources resolve); NuGet extracts into a temporary packages folder with the machine's as a read-only
/// fallback (nothing is downloaded again, and the feed's packages are never shadowed by the cache); the Host's port
/// 5080 is replaced by a free port so parallel runs cannot collide. The commands themselves are not changed.
/// </para>
/// </summary>
public sealed class TemplateProofTests
{
    private static readonly string Root = typeof(TemplateProofTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SupervisionCore.RepositoryRoot").Value!;

    /// <summary>The fenced block that follows the <c>sdk-proof</c> marker in the README's "Writing a pack".</summary>
    internal static string ReadmeBlock()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var section = readme[readme.IndexOf("## Writing a pack", StringComparison.Ordinal)..];
        var match = Regex.Match(section, @"<!-- sdk-proof:[^>]*-->\s*```sh\n(?<body>.*?)\n```", RegexOptions.Singleline);
        match.Success.ShouldBeTrue("README.md: the \"Writing a pack\" section has no ```sh block after its sdk-proof marker");
        return match.Groups["body"].Value;
    }

    [Fact]
    public void The_README_block_goes_from_packing_to_calling_the_deployed_pack()
    {
        var block = ReadmeBlock();
        foreach (var step in new[] { "dotnet pack src/Kernel -o feed", "dotnet new install feed/", "dotnet publish src/Host -o host",
                     "dotnet new sc-pack", "dotnet test", "-o host/plugins/hunan", "Auth__RequireHttps=false", "Bootstrap__AdminClientId",
                     "/connect/token", "/api/v1/packs", "/api/v1/regions/hunan/eligibility/checks" })
            block.ShouldContain(step);
        // The template package named in the block is the one `dotnet pack templates` makes.
        var version = Regex.Match(File.ReadAllText(Path.Combine(Root, "templates", "SupervisionCore.Templates.csproj")), "<Version>(.*?)</Version>").Groups[1].Value;
        block.ShouldContain($"feed/SupervisionCore.Templates.{version}.nupkg");
    }

    [Fact]
    public async Task The_README_commands_run_verbatim_from_a_clean_copy_to_a_deployed_pack_that_answers()
    {
        var work = Directory.CreateTempSubdirectory("sc-sdk-proof-").FullName;
        try
        {
            var clone = Path.Combine(work, "clone");
            await CopyWorkingTreeAsync(Root, clone);
            var home = Path.Combine(work, "home");
            var machineNuGetConfig = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "NuGet", "NuGet.Config");
            if (File.Exists(machineNuGetConfig))
            {
                Directory.CreateDirectory(Path.Combine(home, ".nuget", "NuGet"));
                File.Copy(machineNuGetConfig, Path.Combine(home, ".nuget", "NuGet", "NuGet.Config"));
            }
            var packages = Path.Combine(work, "packages");
            var machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var port = FreePort();
            var script = ReadmeBlock().Replace("localhost:5080", $"localhost:{port}", StringComparison.Ordinal);

            var stopwatch = Stopwatch.StartNew();
            var output = await Shell.RunAsync(clone, script, new Dictionary<string, string>
            {
                ["HOME"] = home,
                ["NUGET_PACKAGES"] = packages,
                ["NUGET_FALLBACK_PACKAGES"] = machinePackages,
            }, TimeSpan.FromMinutes(25));
            var elapsed = stopwatch.Elapsed;

            // 3. The pack's tests passed (the exit code says none failed), against the packed contract from feed/.
            output.ShouldContain("Passed!");
            Directory.Exists(Path.Combine(packages, "supervisioncore.kernel")).ShouldBeTrue(
                $"SupervisionCore.Kernel was not restored from feed/ but from a cached copy in {machinePackages}: remove supervisioncore.* there");
            var assets = await File.ReadAllTextAsync(Path.Combine(clone, "hunan", "src", "SupervisionCore.Plugins.Hunan", "obj", "project.assets.json"));
            assets.ShouldContain("\"SupervisionCore.Kernel/"); // a package, not a project reference
            var contract = SupervisionCore.Kernel.Plugins.KernelContract.Version;
            File.ReadAllText(Path.Combine(clone, "hunan", "src", "SupervisionCore.Plugins.Hunan", "pack.json")).ShouldContain($"\"kernelContract\": \"{contract.Major}.{contract.Minor}\"");
            // 4. Deployed: the pack ships only its own assembly.
            var deployed = Path.Combine(clone, "host", "plugins", "hunan");
            Directory.GetFiles(deployed, "*.dll").Select(Path.GetFileName).ShouldBe(["SupervisionCore.Plugins.Hunan.dll"]);
            File.Exists(Path.Combine(deployed, "pack.json")).ShouldBeTrue();
            // 5. Listed and answering.
            output.ShouldContain("\"id\":\"hunan\"");
            output.ShouldContain("\"rule\":\"hunan.eligibility.experience\"");
            output.ShouldContain("\"citation\":\"HN 6\"");
            await File.AppendAllTextAsync(Path.Combine(AppContext.BaseDirectory, "sdk-proof-figures.txt"),
                $"{DateTimeOffset.UtcNow:u} README \"Writing a pack\" block: {elapsed.TotalMinutes:0.0} min on {Environment.ProcessorCount} cores\n");

            // Beyond the README, on the same published Host and deployed pack: what a pack author relies on.
            var host = Path.Combine(clone, "host");
            await using (var run = HostRun.Start(host, Path.Combine(host, "plugins"), [], Path.Combine(work, "host-run")))
            {
                await run.WaitReadyAsync(TimeSpan.FromMinutes(5)); // a safety net for a loaded machine, not a speed check
                using var client = run.CreateClient(await run.AdminTokenAsync());

                using var eligible = await client.PostAsJsonAsync(new Uri("api/v1/regions/hunan/eligibility/checks", UriKind.Relative), new { examinerYears = 3 });
                eligible.StatusCode.ShouldBe(HttpStatusCode.OK, await eligible.Content.ReadAsStringAsync());
                (await Json(eligible))["eligible"]!.GetValue<bool>().ShouldBeTrue();

                // Bad input: 400 naming the field, in the request's language (the template's validator is bilingual).
                foreach (var (language, title, text) in new[] { ("zh-CN", "请求参数验证失败", "应为 0 到 80"), ("en", "One or more validation errors occurred.", "must be between 0 and 80") })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/regions/hunan/eligibility/checks") { Content = JsonContent.Create(new { examinerYears = 99 }) };
                    request.Headers.AcceptLanguage.ParseAdd(language);
                    using var invalid = await client.SendAsync(request);
                    invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                    var problem = await Json(invalid);
                    ((string?)problem["title"]).ShouldBe(title);
                    var error = problem["errors"]!.AsArray().ShouldHaveSingleItem()!;
                    ((string?)error["name"]).ShouldBe("examinerYears");
                    ((string?)error["reason"])!.ShouldContain(text);
                }

                var rules = JsonNode.Parse(await client.GetStringAsync(new Uri("api/v1/rules?jurisdiction=43", UriKind.Relative)))!["items"]!.AsArray();
                rules.Select(r => (string?)r!["id"]).ShouldContain("hunan.eligibility.experience");
                rules.ShouldNotContain(r => ((string?)r!["id"])!.StartsWith("gd.", StringComparison.Ordinal)); // 44's rules stay in 44

                using var anonymous = run.CreateClient();
                using var noToken = await anonymous.PostAsJsonAsync(new Uri("api/v1/regions/hunan/eligibility/checks", UriKind.Relative), new { examinerYears = 3 });
                noToken.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            }

            // The same pack claiming a newer major contract is refused at start-up, naming the pack and the reason.
            var manifest = Path.Combine(deployed, "pack.json");
            var json = JsonNode.Parse(File.ReadAllText(manifest))!;
            json["kernelContract"] = "9.0";
            File.WriteAllText(manifest, json.ToJsonString());
            await using (var refused = HostRun.Start(host, Path.Combine(host, "plugins"), ["hunan"], Path.Combine(work, "host-refused")))
            {
                var failure = await Should.ThrowAsync<InvalidOperationException>(() => refused.WaitReadyAsync(TimeSpan.FromMinutes(5)));
                failure.Message.ShouldContain("pack 'hunan' is incompatible: built for kernel contract 9.0");
            }
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>The files git tracks or would add (not ignored: no bin/, obj/, feed/, host/), as a clean clone of the current state has them.</summary>
    private static async Task CopyWorkingTreeAsync(string from, string to)
    {
        var psi = new ProcessStartInfo("git", ["-C", from, "ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var git = Process.Start(psi) ?? throw new InvalidOperationException("could not start git");
        var list = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        git.ExitCode.ShouldBe(0, "git ls-files failed: the proof copies the working tree git knows");
        foreach (var relative in list.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var source = Path.Combine(from, relative);
            if (!File.Exists(source)) continue; // deleted in the working tree, not yet committed
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
