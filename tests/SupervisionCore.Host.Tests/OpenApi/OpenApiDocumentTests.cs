using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionCore.Host.Tests.Infrastructure;

namespace SupervisionCore.Host.Tests.OpenApi;

/// <summary>
/// The committed documents in <c>openapi/</c> are what the Host serves. Regenerate with
/// <c>UPDATE_OPENAPI=1 dotnet test --filter FullyQualifiedName~OpenApiDocumentTests</c>.
/// </summary>
public sealed class OpenApiDocumentTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> Documents() => ["kernel", "gd", "bj-etdz", "yn"];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Committed_document_matches_what_the_host_serves(string document)
    {
        using var client = app.CreateClient();
        var served = Normalise(await client.GetStringAsync($"/swagger/{document}/swagger.json"));
        var path = Path.Combine(RepositoryRoot(), "openapi", $"{document}.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, served);
        }
        File.Exists(path).ShouldBeTrue($"{path} is missing: run the tests with UPDATE_OPENAPI=1");
        var committed = Normalise(await File.ReadAllTextAsync(path));
        served.ShouldBe(committed, $"openapi/{document}.json drifted from the Host: run the tests with UPDATE_OPENAPI=1 and commit the result");
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_operation_has_an_id_a_tag_responses_and_security_unless_public(string document)
    {
        using var client = app.CreateClient();
        var doc = JsonNode.Parse(await client.GetStringAsync($"/swagger/{document}/swagger.json"))!;
        var operations = doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Op: o.Value!))).ToList();
        operations.ShouldNotBeEmpty();
        foreach (var (path, op) in operations)
        {
            op["operationId"]?.GetValue<string>().ShouldNotBeNullOrWhiteSpace(path);
            op["tags"]!.AsArray().Count.ShouldBeGreaterThan(0, path);
            op["responses"]!.AsObject().Count.ShouldBeGreaterThan(0, path);
            if (!path.Contains("/public/", StringComparison.Ordinal)) op["security"].ShouldNotBeNull(path);
            if (document != "kernel") path.ShouldStartWith($"/api/v1/regions/{document}/");
        }
        doc["components"]!["securitySchemes"]!["oauth2"].ShouldNotBeNull();
    }

    private static string Normalise(string json) => JsonNode.Parse(json)!.ToJsonString(Indented) + "\n";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SupervisionCore.sln"))) return dir.FullName;
        throw new InvalidOperationException("SupervisionCore.sln not found above the test folder");
    }
}
