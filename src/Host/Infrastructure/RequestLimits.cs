namespace SupervisionCore.Host.Infrastructure;

/// <summary>
/// The request body cap (<c>Http:MaxRequestBodyBytes</c>, default 1 MiB) enforced by the Host itself, not only by
/// Kestrel: a declared length over the cap is a 413 problem+json before anything reads the body, and a body without a
/// declared length is cut at the cap (the server's own feature, where there is one). Behind a reverse proxy or in the
/// test server the same cap holds.
/// </summary>
public static class RequestLimits
{
    public const long DefaultMaxBodyBytes = 1_048_576;

    public static long MaxBodyBytes(IConfiguration config) => config.GetValue<long?>("Http:MaxRequestBodyBytes") ?? DefaultMaxBodyBytes;

    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var max = MaxBodyBytes(app.Configuration);
        app.Use((http, next) =>
        {
            if (http.Request.ContentLength > max)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
                feature.MaxRequestBodySize = max;
            return next(http);
        });
        return app;
    }
}
