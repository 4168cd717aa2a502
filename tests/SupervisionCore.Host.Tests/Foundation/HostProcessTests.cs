using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Foundation;

/// <summary>The Host as a real process: pack selection, start-up refusals, two Hosts on one database, embedded PostgreSQL.</summary>
public sealed class HostProcessTests
{
    private static Dictionary<string, string?> OnDatabase(string connectionString) => new()
    {
        ["ConnectionStrings:Supervision"] = connectionString,
        ["Bootstrap:AdminClientId"] = SupervisionApp.AdminClientId,
        ["Bootstrap:AdminClientSecret"] = SupervisionApp.AdminSecret,
    };

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = SupervisionApp.AdminClientId, ["client_secret"] = SupervisionApp.AdminSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task With_only_gd_enabled_only_gd_routes_exist()
    {
        var settings = OnDatabase(TestCluster.NewDatabase("onlygd"));
        settings["Plugins:Enabled:0"] = "gd";
        await using var host = HostProcess.Start(settings);
        await host.WaitReadyAsync();
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
        var packs = JsonDocument.Parse(await client.GetStringAsync("/api/v1/packs")).RootElement;
        packs.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldBe(["gd"]);
        (await client.GetAsync("/api/v1/regions/gd/cities")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync("/api/v1/regions/bj-etdz/fees/quote", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync("/swagger/gd/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/swagger/yn/swagger.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_pack_id_stops_start_up_with_one_line_naming_it()
    {
        var settings = OnDatabase(TestCluster.NewDatabase("bogus"));
        settings["Plugins:Enabled:0"] = "hunan";
        await using var host = HostProcess.Start(settings);
        (await host.WaitExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(1);
        host.Output.ShouldContain("SupervisionCore cannot start: pack 'hunan'");
        host.Output.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_pack_built_for_contract_1_x_stops_start_up_with_one_line_naming_the_pack_and_the_contract()
    {
        var plugins = Path.Combine(Path.GetTempPath(), "sc-contract1-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var yn = Path.Combine(plugins, "yn");
            Directory.CreateDirectory(yn);
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "plugins", "yn")))
                File.Copy(file, Path.Combine(yn, Path.GetFileName(file)));
            var manifest = Path.Combine(yn, "pack.json");
            File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"kernelContract\": \"2.0\"", "\"kernelContract\": \"1.3\"", StringComparison.Ordinal));
            var settings = OnDatabase(TestCluster.NewDatabase("contract1"));
            settings["Plugins:Path"] = plugins;
            await using var host = HostProcess.Start(settings);
            (await host.WaitExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(1);
            var lines = host.Output.Split('\n').Where(l => l.Contains("kernel contract", StringComparison.Ordinal)).ToList();
            lines.ShouldHaveSingleItem().ShouldBe(
                "SupervisionCore cannot start: pack 'yn' is incompatible: built for kernel contract 1.3, this Host offers 2.0 (major versions differ: rebuild the pack against SupervisionCore.Kernel 2.0)");
            host.Output.ShouldNotContain("   at ");
        }
        finally
        {
            try { Directory.Delete(plugins, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Two_hosts_on_one_database_accept_each_others_tokens()
    {
        var database = TestCluster.NewDatabase("twohosts");
        await using var first = HostProcess.Start(OnDatabase(database));
        await using var second = HostProcess.Start(OnDatabase(database));
        await Task.WhenAll(first.WaitReadyAsync(), second.WaitReadyAsync());
        using var a = first.CreateClient();
        using var b = second.CreateClient();
        var fromFirst = await TokenAsync(a);
        var fromSecond = await TokenAsync(b);

        b.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fromFirst);
        (await b.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(HttpStatusCode.OK);
        a.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fromSecond);
        (await a.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Embedded_postgres_starts_stops_with_the_host_and_keeps_its_data()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sc-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = dataDirectory,
            ["Bootstrap:AdminClientId"] = SupervisionApp.AdminClientId,
            ["Bootstrap:AdminClientSecret"] = SupervisionApp.AdminSecret,
        };
        try
        {
            await using (var host = HostProcess.Start(settings))
            {
                await host.WaitReadyAsync();
                using var client = host.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
                var created = await client.PostJsonAsync("/api/v1/admin/clients",
                    new { clientId = "kept-client", displayName = "Kept", roles = new[] { "auditor" }, jurisdiction = "CN" });
                created.StatusCode.ShouldBe(HttpStatusCode.Created);
                (await host.TerminateAsync()).ShouldBe(0);
            }
            PostgresRunningOn(dataDirectory).ShouldBeFalse("SIGTERM must stop the embedded cluster");

            await using (var again = HostProcess.Start(settings))
            {
                await again.WaitReadyAsync();
                using var client = again.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client));
                var audit = JsonDocument.Parse(await client.GetStringAsync("/api/v1/audit?targetId=kept-client")).RootElement;
                audit.GetProperty("items").GetArrayLength().ShouldBe(1);
                (await again.TerminateAsync()).ShouldBe(0);
            }
            PostgresRunningOn(dataDirectory).ShouldBeFalse();
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task After_a_sigkill_the_next_start_takes_over_the_leftover_cluster()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "sc-killed-" + Guid.NewGuid().ToString("N")[..8]);
        var settings = new Dictionary<string, string?> { ["Database:DataDirectory"] = dataDirectory };
        try
        {
            await using (var host = HostProcess.Start(settings))
            {
                await host.WaitReadyAsync();
                await host.KillAsync();
            }
            PostgresRunningOn(dataDirectory).ShouldBeTrue("a SIGKILLed Host cannot stop its cluster");
            await using (var again = HostProcess.Start(settings))
            {
                await again.WaitReadyAsync();
                (await again.TerminateAsync()).ShouldBe(0);
            }
            PostgresRunningOn(dataDirectory).ShouldBeFalse();
        }
        finally
        {
            try { Directory.Delete(dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public async Task Missing_postgres_binaries_stop_start_up_with_one_line_saying_what_to_do()
    {
        await using var host = HostProcess.Start(new Dictionary<string, string?>
        {
            ["Database:DataDirectory"] = Path.Combine(Path.GetTempPath(), "sc-nobin-" + Guid.NewGuid().ToString("N")[..8]),
            ["Database:BinDirectory"] = "/nonexistent/postgresql/bin",
        });
        (await host.WaitExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(1);
        var line = host.Output.Split('\n').Single(l => l.StartsWith("SupervisionCore cannot start", StringComparison.Ordinal));
        line.ShouldContain("apt-get install postgresql");
        line.ShouldContain("ConnectionStrings__Supervision");
    }

    private static bool PostgresRunningOn(string dataDirectory)
    {
        using var ps = Process.Start(new ProcessStartInfo("ps", "-eo args") { RedirectStandardOutput = true })!;
        var output = ps.StandardOutput.ReadToEnd();
        ps.WaitForExit();
        return output.Split('\n').Any(l => l.Contains("postgres", StringComparison.Ordinal) && l.Contains(dataDirectory, StringComparison.Ordinal));
    }
}
