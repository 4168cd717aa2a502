using System.Text.Json.Nodes;
using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using SupervisionCore.Host.Plugins;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SupervisionCore.Host.OpenApi;

/// <summary>
/// Swashbuckle documents for the FastEndpoints routes: <c>kernel</c> plus one per enabled pack, served at
/// <c>/swagger/{doc}/swagger.json</c> and committed under <c>openapi/</c> (a test fails on drift).
/// </summary>
internal static class OpenApiSetup
{
    public const string KernelDoc = "kernel";
    public const string SecurityScheme = "oauth2";

    public static IServiceCollection AddSupervisionOpenApi(this IServiceCollection services, IReadOnlyList<LoadedPack> packs)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(KernelDoc, new OpenApiInfo
            {
                Title = "SupervisionCore kernel API",
                Version = "v1",
                Description = "技能人才评价质量督导 (quality supervision of skills-talent evaluation): the national procedure of 人社职司便函〔2020〕53号.",
            });
            foreach (var pack in packs)
                o.SwaggerDoc(pack.Manifest.Id, new OpenApiInfo
                {
                    Title = $"SupervisionCore pack {pack.Manifest.Id}: {pack.Manifest.Name.En}",
                    Version = pack.Manifest.Version,
                    Description = pack.Manifest.Name.Zh,
                });
            o.DocInclusionPredicate((doc, api) => DocumentOf(api.RelativePath, packs) == doc);
            // Operations are tagged by their FastEndpoints tags (Tags("imports"), FastEndpointsOperationFilter); the document's
            // tag list is made of those: Swashbuckle's default, the assembly name, was an empty group in Swagger UI.
            o.DocumentFilter<UsedTagsOnlyFilter>();
            o.CustomSchemaIds(SchemaId);
            o.SupportNonNullableReferenceTypes();
            o.AddSecurityDefinition(SecurityScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "OIDC bearer token from the embedded OpenIddict server (or a trusted external issuer).",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative) },
                    AuthorizationCode = new OpenApiOAuthFlow
                    {
                        AuthorizationUrl = new Uri("/connect/authorize", UriKind.Relative),
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string> { ["openid"] = "OpenID", ["profile"] = "Profile", ["offline_access"] = "Refresh tokens" },
                    },
                },
            });
            o.OperationFilter<FastEndpointsOperationFilter>();
            // Descriptions and examples (<example>, <param example="…">) of the Host's, the kernel's and the packs' DTOs.
            foreach (var xml in XmlDocuments(packs)) o.IncludeXmlComments(xml);
            o.SchemaFilter<ProblemDetailsExampleFilter>();
            // Relative to wherever the document is served from (linters require a server entry).
            o.AddServer(new OpenApiServer { Url = "/", Description = "this Host" });
        });
        return services;
    }

    public static WebApplication UseSupervisionOpenApi(this WebApplication app, IReadOnlyList<LoadedPack> packs)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/swagger/{KernelDoc}/swagger.json", "kernel");
            foreach (var pack in packs) o.SwaggerEndpoint($"/swagger/{pack.Manifest.Id}/swagger.json", $"pack {pack.Manifest.Id}");
            o.OAuthClientId(Demo.Bootstrap.SwaggerClientId);
            o.OAuthUsePkce();
            o.OAuthScopes("openid", "profile");
        });
        return app;
    }

    /// <summary>The XML documentation files of the Host, the kernel, the pack helpers and every loaded pack (those present next to their assembly).</summary>
    internal static IEnumerable<string> XmlDocuments(IReadOnlyList<LoadedPack> packs) =>
        new[] { typeof(OpenApiSetup).Assembly, typeof(Kernel.LocalizedText).Assembly, typeof(SupervisionCore.Plugins.AspNetCore.PackProblems).Assembly }
            .Select(a => Path.Combine(AppContext.BaseDirectory, a.GetName().Name + ".xml"))
            .Concat(packs.Select(p => Path.Combine(p.Folder, p.Assembly.GetName().Name + ".xml")))
            .Where(File.Exists);

    /// <summary>The document an API path belongs to: a pack's for <c>api/v1/regions/{id}/…</c>, else the kernel's.</summary>
    internal static string? DocumentOf(string? relativePath, IReadOnlyList<LoadedPack> packs)
    {
        if (relativePath is null || !relativePath.StartsWith("api/", StringComparison.Ordinal)) return null;
        var pack = packs.FirstOrDefault(p => relativePath.StartsWith($"api/v1/regions/{p.Manifest.Id}/", StringComparison.Ordinal));
        return pack?.Manifest.Id ?? KernelDoc;
    }

    /// <summary>Full type names as schema ids, so packs never collide (nested and generic types flattened).</summary>
    internal static string SchemaId(Type type)
    {
        if (!type.IsGenericType) return (type.FullName ?? type.Name).Replace('+', '.');
        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        name = name[..name.IndexOf('`', StringComparison.Ordinal)].Replace('+', '.');
        return $"{name}Of{string.Join("And", type.GetGenericArguments().Select(SchemaId))}";
    }
}

/// <summary>
/// Fills what Swashbuckle cannot see in FastEndpoints metadata: tags, summary and description; the security
/// requirement of non-anonymous operations; query parameters instead of a body for GET/DELETE requests.
/// </summary>
internal sealed class FastEndpointsOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
        if (definition is not null)
        {
            if (definition.EndpointTags is { Count: > 0 } tags)
            {
                operation.Tags = new HashSet<OpenApiTagReference>(tags.Select(t => new OpenApiTagReference(t, context.Document)));
            }
            if (definition.EndpointSummary is { } summary)
            {
                operation.Summary = summary.Summary;
                operation.Description = summary.Description;
            }
        }

        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        // Public endpoints say so explicitly: one empty requirement (no token needed).
        if (anonymous) operation.Security = [new OpenApiSecurityRequirement()];
        if (!anonymous && metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiSetup.SecurityScheme, context.Document)] = [] }];
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Missing, expired or invalid token (problem+json)" });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's roles or jurisdiction do not allow this (problem+json)" });
        }

        var method = context.ApiDescription.HttpMethod;
        if (definition?.ReqDtoType is { } reqType && reqType != typeof(EmptyRequest) && method is "GET" or "DELETE" && operation.RequestBody is not null)
        {
            operation.RequestBody = null;
            operation.Parameters ??= [];
            var existing = operation.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var route = context.ApiDescription.RelativePath ?? string.Empty;
            foreach (var prop in reqType.GetProperties())
            {
                var name = char.ToLowerInvariant(prop.Name[0]) + prop.Name[1..];
                if (existing.Contains(name)) continue;
                var inPath = RouteParameters(route).Any(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = name,
                    In = inPath ? ParameterLocation.Path : ParameterLocation.Query,
                    Required = inPath,
                    Schema = context.SchemaGenerator.GenerateSchema(prop.PropertyType, context.SchemaRepository),
                });
            }
        }

        // Route values read in the handler (Route<T>("id")) of POST/PUT/PATCH: declared as path parameters too.
        operation.Parameters ??= [];
        foreach (var (name, constraint) in RouteParameters(context.ApiDescription.RelativePath ?? string.Empty))
        {
            if (operation.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = context.SchemaGenerator.GenerateSchema(constraint == "guid" ? typeof(Guid) : typeof(string), context.SchemaRepository),
            });
        }
    }

    /// <summary>The <c>{name}</c> / <c>{name:constraint}</c> segments of a route template.</summary>
    private static IEnumerable<(string Name, string? Constraint)> RouteParameters(string route) =>
        System.Text.RegularExpressions.Regex.Matches(route, @"\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?[^}]*\}")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Success ? m.Groups[2].Value : null));
}

/// <summary>
/// The document's tag list is exactly the tags its operations use, sorted: Swagger UI renders one group per listed tag,
/// so a tag without an operation would be an empty group.
/// </summary>
internal sealed class UsedTagsOnlyFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var used = (swaggerDoc.Paths ?? [])
            .SelectMany(p => p.Value.Operations ?? [])
            .SelectMany(o => o.Value.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var declared = (swaggerDoc.Tags ?? new HashSet<OpenApiTag>()).Where(t => t.Name is not null && used.Contains(t.Name)).ToDictionary(t => t.Name!);
        swaggerDoc.Tags = new HashSet<OpenApiTag>(used.Order(StringComparer.Ordinal).Select(n => declared.GetValueOrDefault(n) ?? new OpenApiTag { Name = n }));
    }
}

/// <summary>
/// The example of the problem+json schema (RFC 9457) every error response uses: a 422 naming the violated rule, as
/// <see cref="Errors.Problems.Violations"/> sends it (the framework type carries no XML documentation of ours).
/// </summary>
internal sealed class ProblemDetailsExampleFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.Type != typeof(Microsoft.AspNetCore.Mvc.ProblemDetails) || schema is not OpenApiSchema concrete) return;
        // The documents are OpenAPI 3.0, whose schema keyword is the single `example` (Swashbuckle's XML filter sets it too).
#pragma warning disable CS0618
        concrete.Example = new JsonObject
        {
            ["type"] = "https://tools.ietf.org/html/rfc4918#section-11.2",
            ["title"] = "违反业务规则",
            ["status"] = 422,
            ["detail"] = "cn.dispatch.random: 可委派的督导员只有 1 名（排除 2 名），任务需要 2 名",
            ["instance"] = "/api/v1/supervision-tasks/0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01/draws",
            ["violations"] = new JsonArray(new JsonObject
            {
                ["rule"] = "cn.dispatch.random",
                ["citation"] = "CN 8",
                ["message"] = "可委派的督导员只有 1 名（排除 2 名），任务需要 2 名",
            }),
        };
#pragma warning restore CS0618
    }
}
