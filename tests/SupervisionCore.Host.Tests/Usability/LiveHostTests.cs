using System.Net.Http.Headers;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.Usability;

/// <summary>One real Host process (JSON logs as in production) shared by the client-generation and observability tests.</summary>
public sealed class LiveHost : IAsyncLifetime
{
    public HostProcess Process { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Process = HostProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Supervision"] = TestCluster.NewDatabase("livehost"),
            ["Bootstrap:AdminClientId"] = SupervisionApp.AdminClientId,
            ["Bootstrap:AdminClientSecret"] = SupervisionApp.AdminSecret,
            // Access log lines ("Request starting/finished"), as an operator turns them on.
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        await Process.WaitReadyAsync();
    }

    public async Task<string> TokenAsync()
    {
        using var client = Process.CreateClient();
        var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = SupervisionApp.AdminClientId, ["client_secret"] = SupervisionApp.AdminSecret,
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task DisposeAsync() => await Process.DisposeAsync();
}

public sealed class LiveHostTests(LiveHost host) : IClassFixture<LiveHost>
{
    [Fact]
    public async Task Metrics_are_scraped_as_prometheus_text_with_http_server_metrics_after_a_request()
    {
        using var client = host.Process.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.TokenAsync());
        var packs = await client.GetAsync("/api/v1/packs");
        packs.IsSuccessStatusCode.ShouldBeTrue();
        packs.Headers.GetValues("X-Request-Id").Single().Length.ShouldBe(32);

        // The exporter caches a scrape briefly: read until the request shows (bounded, not a timing assertion).
        var text = "";
        for (var i = 0; i < 40 && !text.Contains("api/v1/packs", StringComparison.Ordinal); i++)
        {
            if (i > 0) await Task.Delay(250);
            using var anonymous = host.Process.CreateClient();
            var metrics = await anonymous.GetAsync("/metrics");
            metrics.IsSuccessStatusCode.ShouldBeTrue();
            metrics.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
            text = await metrics.Content.ReadAsStringAsync();
        }
        text.ShouldContain("# TYPE http_server_request_duration_seconds histogram");
        text.ShouldContain("api/v1/packs");
        text.ShouldContain("http_server_request_duration_seconds_count{");
    }

    [Fact]
    public async Task Logs_are_json_lines_with_request_ids()
    {
        using var client = host.Process.CreateClient();
        (await client.GetAsync("/api/v1/packs")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        // The console logger writes from its own queue: wait for the request's line (bounded).
        for (var i = 0; i < 40 && !host.Process.Output.Contains("Request finished", StringComparison.Ordinal); i++) await Task.Delay(100);
        var lines = host.Process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        lines.ShouldNotBeEmpty(host.Process.Output);
        lines.Where(l => !(l.TryGetProperty("LogLevel", out _) && l.TryGetProperty("Category", out _) && l.TryGetProperty("Message", out _))).ShouldBeEmpty();
        lines.Where(HasRequestScope).ShouldNotBeEmpty(host.Process.Output);
    }

    private static bool HasRequestScope(JsonElement line) => line.TryGetProperty("Scopes", out var scopes)
        && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _))
        && scopes.EnumerateArray().Any(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _));

    [Fact]
    public async Task The_committed_openapi_documents_lint_and_a_generated_typescript_client_compiles_and_calls_the_host()
    {
        await Tooling.EnsureNodeModulesAsync();
        var root = Tooling.RepoRoot();
        var documents = Directory.GetFiles(Path.Combine(root, "openapi"), "*.json").Order().ToList();
        documents.Count.ShouldBeGreaterThanOrEqualTo(4);
        var (lintCode, lint) = await Tooling.RunAsync(Tooling.Bin("redocly"), "lint --format=stylish " + string.Join(" ", documents.Select(d => $"\"{d}\"")),
            Tooling.ClientDir, TimeSpan.FromMinutes(3));
        lintCode.ShouldBe(0, lint);

        var work = Directory.CreateTempSubdirectory("sc-client-");
        try
        {
            var src = Directory.CreateDirectory(Path.Combine(work.FullName, "src"));
            var (genCode, gen) = await Tooling.RunAsync(Tooling.Bin("openapi-typescript"), $"\"{Path.Combine(root, "openapi", "kernel.json")}\" -o \"{Path.Combine(src.FullName, "schema.d.ts")}\"",
                Tooling.ClientDir, TimeSpan.FromMinutes(2));
            genCode.ShouldBe(0, gen);
            File.Copy(Path.Combine(Tooling.ClientDir, "src", "example.ts"), Path.Combine(src.FullName, "example.ts"));
            File.Copy(Path.Combine(Tooling.ClientDir, "tsconfig.json"), Path.Combine(work.FullName, "tsconfig.json"));
            File.WriteAllText(Path.Combine(work.FullName, "package.json"), "{\"type\":\"module\"}");
            Directory.CreateSymbolicLink(Path.Combine(work.FullName, "node_modules"), Path.Combine(Tooling.ClientDir, "node_modules"));

            var (tscCode, tsc) = await Tooling.RunAsync(Tooling.Bin("tsc"), "-p tsconfig.json", work.FullName, TimeSpan.FromMinutes(3));
            tscCode.ShouldBe(0, tsc);

            var (runCode, run) = await Tooling.RunAsync("node", "dist/example.js", work.FullName, TimeSpan.FromMinutes(1), new Dictionary<string, string>
            {
                ["BASE_URL"] = host.Process.BaseAddress.ToString().TrimEnd('/'), ["TOKEN"] = await host.TokenAsync(),
            });
            runCode.ShouldBe(0, run);
            var packs = JsonDocument.Parse(run.Trim()).RootElement;
            packs.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ShouldBe(["bj-etdz", "gd", "yn"], ignoreOrder: true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
