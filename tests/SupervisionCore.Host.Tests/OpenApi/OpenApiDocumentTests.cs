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

    /// <summary>
    /// Swagger UI shows one group per tag of the document's <c>tags</c> list, then any other tag its operations use: the
    /// list must be exactly the operations' tags (no group without operations, such as the assembly name Swashbuckle
    /// tags by default), and every operation is in a group.
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Swagger_UI_shows_no_empty_group(string document)
    {
        using var client = app.CreateClient();
        var doc = JsonNode.Parse(await client.GetStringAsync($"/swagger/{document}/swagger.json"))!;
        var used = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Value!))
            .SelectMany(op => op["tags"]!.AsArray().Select(t => t!.GetValue<string>()))
            .ToHashSet();
        var declared = doc["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()).ToList();
        declared.ShouldBe([.. used.Order(StringComparer.Ordinal)], $"{document}: the tags list must be exactly the operations' tags");
        declared.ShouldNotContain("SupervisionCore.Host");
    }

    /// <summary>
    /// Every property of every request body (resolved through <c>$ref</c>, nested objects, arrays and <c>allOf</c>) has an
    /// example, or its schema has one, so Swagger UI's "Try it out" starts from realistic values and new endpoints keep them
    /// (XML <c>&lt;example&gt;</c> on the DTO property, or <c>&lt;param name example&gt;</c> on a positional record). Uploaded
    /// files (<c>format: binary</c>) and enums are exempt.
    /// </summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_request_body_property_has_an_example(string document)
    {
        using var client = app.CreateClient();
        var doc = JsonNode.Parse(await client.GetStringAsync($"/swagger/{document}/swagger.json"))!;
        var schemas = doc["components"]?["schemas"]?.AsObject();
        var missing = new List<string>();
        var bodies = 0;
        foreach (var (path, operations) in doc["paths"]!.AsObject())
            foreach (var (method, op) in operations!.AsObject())
                foreach (var (_, content) in op!["requestBody"]?["content"]?.AsObject() ?? [])
                {
                    bodies++;
                    MissingExamples(content!["schema"], schemas, $"{method.ToUpperInvariant()} {path}", missing, []);
                }
        if (document != "gd") bodies.ShouldBeGreaterThan(0);
        missing.Distinct().ShouldBeEmpty($"request body properties without an example in {document}: add <example> (or <param name=\"…\" example=\"…\">) to the DTO");
    }

    [Theory]
    [InlineData("SupervisionCore.Host.Features.Supervisors.SupervisorDto")]
    [InlineData("SupervisionCore.Host.Features.Cards.IssuedCardDto")]
    [InlineData("SupervisionCore.Host.Features.Supervisors.Appointments.Create.AppointmentDto")]
    [InlineData("SupervisionCore.Host.Features.Activities.ActivityDto")]
    [InlineData("SupervisionCore.Host.Features.Tasks.TaskDto")]
    [InlineData("SupervisionCore.Host.Features.Draws.DrawDto")]
    [InlineData("SupervisionCore.Host.Features.Draws.DrawTranscriptDto")]
    [InlineData("SupervisionCore.Host.Features.Draws.Verify.Response")]
    [InlineData("SupervisionCore.Host.Features.Assignments.AssignmentDto")]
    [InlineData("SupervisionCore.Host.Features.Records.RecordDto")]
    [InlineData("Microsoft.AspNetCore.Mvc.ProblemDetails")]
    public async Task Main_response_schemas_have_examples(string schema)
    {
        using var client = app.CreateClient();
        var doc = JsonNode.Parse(await client.GetStringAsync("/swagger/kernel/swagger.json"))!;
        var schemas = doc["components"]?["schemas"]?.AsObject();
        schemas.ShouldNotBeNull();
        schemas.ContainsKey(schema).ShouldBeTrue(schema);
        var missing = new List<string>();
        MissingExamples(new JsonObject { ["$ref"] = "#/components/schemas/" + schema }, schemas, schema, missing, []);
        missing.ShouldBeEmpty();
    }

    /// <summary>Adds to <paramref name="missing"/> every leaf of <paramref name="schema"/> that has no example on the way down.</summary>
    private static void MissingExamples(JsonNode? schema, JsonObject? schemas, string where, List<string> missing, HashSet<string> visited)
    {
        if (schema is not JsonObject s || s.ContainsKey("example") || s.ContainsKey("enum")) return;
        if (s["$ref"]?.GetValue<string>() is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            if (visited.Add(name)) MissingExamples(schemas?[name], schemas, name, missing, visited);
            return;
        }
        if (s["format"]?.GetValue<string>() == "binary") return;
        if ((s["allOf"] ?? s["oneOf"] ?? s["anyOf"]) is JsonArray parts)
        {
            foreach (var part in parts) MissingExamples(part, schemas, where, missing, visited);
            return;
        }
        if (s["items"] is { } items)
        {
            MissingExamples(items, schemas, where + "[]", missing, visited);
            return;
        }
        if (s["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties) MissingExamples(property, schemas, $"{where}.{name}", missing, visited);
            return;
        }
        if (s["additionalProperties"] is JsonObject values && values.Count > 0)
        {
            MissingExamples(values, schemas, where + "{}", missing, visited);
            return;
        }
        missing.Add(where);
    }

    private static string Normalise(string json) => JsonNode.Parse(json)!.ToJsonString(Indented) + "\n";

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SupervisionCore.sln"))) return dir.FullName;
        throw new InvalidOperationException("SupervisionCore.sln not found above the test folder");
    }
}
