using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using SupervisionCore.Kernel;

namespace SupervisionCore.Host.Errors;

/// <summary>
/// RFC 9457 problem+json for every error: empty error responses (401/403/404/405/413/415/429 from the framework)
/// get a body, exceptions become 500 or 503 without stack traces, titles are localised (zh-CN default, en).
/// </summary>
internal static class ErrorHandling
{
    // The titles packs use too (SupervisionCore.Plugins.AspNetCore.ProblemTitles): one table, no drift.
    private static IReadOnlyDictionary<int, LocalizedText> Titles => SupervisionCore.Plugins.AspNetCore.ProblemTitles.All;

    public static IServiceCollection AddSupervisionProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (Titles.TryGetValue(status, out var title) && (ctx.ProblemDetails.Title is null || IsDefaultTitle(ctx.ProblemDetails.Title)))
                ctx.ProblemDetails.Title = title.Get(CultureInfo.CurrentUICulture);
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            // Exception details never leave the server.
            ctx.ProblemDetails.Extensions.Remove("exception");
            if (status >= 500) ctx.ProblemDetails.Detail = null;
        });

    private static bool IsDefaultTitle(string title) =>
        title.StartsWith("An error occurred", StringComparison.Ordinal) || ReasonPhrases.Contains(title);

    private static readonly HashSet<string> ReasonPhrases =
        [.. Titles.Keys.Select(Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase), "Unauthorized", "Forbidden", "Not Found"];

    public static WebApplication UseSupervisionErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode
                // The database is unreachable or overloaded (anywhere in the chain: EF Core and OpenIddict wrap it): transient, not a bug.
                : IsDatabaseUnavailable(ex) ? StatusCodes.Status503ServiceUnavailable
                // A value PostgreSQL cannot store (class 22: NUL in text, out of range, too long) is bad input, not a server error.
                : Find<Npgsql.PostgresException>(ex) is { SqlState: var state } && state.StartsWith("22", StringComparison.Ordinal) ? StatusCodes.Status400BadRequest
                // Text that cannot be encoded for the database (a lone UTF-16 surrogate): bad input too.
                : Find<System.Text.EncoderFallbackException>(ex) is not null ? StatusCodes.Status400BadRequest
                // A form body ASP.NET Core refuses to decode (a %00 in a field): bad input, whichever handler read the form first.
                : ex is InvalidDataException && ex.InnerException is InvalidOperationException && ex.Message.Contains("form", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status400BadRequest
                : Find<Npgsql.PostgresException>(ex) is { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } ? StatusCodes.Status409Conflict
                : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        return app;
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (var depth = 0; ex is not null && depth < 8; ex = ex.InnerException, depth++)
            if (ex is T found) return found;
        return null;
    }

    private static bool IsDatabaseUnavailable(Exception? ex)
    {
        for (var depth = 0; ex is not null && depth < 8; ex = ex.InnerException, depth++)
            if (ex is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException
                || (ex is Npgsql.NpgsqlException npgsql && npgsql.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException))
                return true;
        return false;
    }

    /// <summary>
    /// A write to an operation that takes a body, sent without any <c>Content-Type</c>: FastEndpoints would answer a bare 415
    /// (started, no body). Answered here as problem+json naming the header and the accepted types. Runs after
    /// authentication and authorisation, so an anonymous or forbidden caller still gets 401/403 first.
    /// </summary>
    public static WebApplication UseContentTypeRequired(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var method = http.Request.Method;
            if ((HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method))
                && string.IsNullOrEmpty(http.Request.ContentType)
                && http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is { ContentTypes.Count: > 0, IsOptional: false } accepts
                // Operations without a body (route and query only) accept anything and are left alone.
                && !accepts.ContentTypes.Contains("*/*"))
            {
                var types = string.Join(", ", accepts.ContentTypes);
                var detail = new LocalizedText($"请求缺少 Content-Type 头，应为：{types}", $"the Content-Type header is missing; send one of: {types}");
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: detail.Get(CultureInfo.CurrentUICulture),
                    extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["Content-Type"] = [detail.Get(CultureInfo.CurrentUICulture)] } })
                    .ExecuteAsync(http);
            }
            return next(http);
        });
        return app;
    }

    /// <summary>Baseline security headers for an API (no framing, no sniffing, no referrer leak).</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            var h = http.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/swagger")
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'"
                : "default-src 'none'; frame-ancestors 'none'; style-src 'unsafe-inline'; form-action 'self'";
            return next(http);
        });
        return app;
    }
}
