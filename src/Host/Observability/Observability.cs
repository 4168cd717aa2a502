using System.Diagnostics;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SupervisionCore.Host.Observability;

/// <summary>
/// Logs, traces and metrics. Logs: structured JSON on the console (one object a line, with the request's
/// <c>RequestId</c>, <c>TraceId</c> and <c>SpanId</c> from the logging scopes) unless <c>Logging:Json=false</c>; the
/// default is JSON outside Development. Traces and metrics: OpenTelemetry for ASP.NET Core and Npgsql; metrics are
/// scraped by Prometheus at <c>Observability:MetricsPath</c> (default <c>/metrics</c>, anonymous: restrict it at the
/// proxy); traces and metrics go to an OTLP collector when <c>Observability:OtlpEndpoint</c> is set (traces are recorded
/// only then, or with <c>Observability:Tracing=true</c>).
/// Personal data never enters a log line: endpoints log ids, never ID numbers or phones.
/// </summary>
public static class ObservabilityExtensions
{
    public const string ServiceName = "SupervisionCore.Host";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        if (config.GetValue<bool?>("Logging:Json") ?? !builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }
        var otlp = config["Observability:OtlpEndpoint"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: $"{Environment.MachineName}:{Environment.ProcessId}"));
        // Traces only where they go somewhere (an OTLP collector, or Observability:Tracing=true): recorded spans with
        // nobody to export them to cost every request and every SQL command its activities and tags for nothing. The
        // request's trace id (X-Request-Id, the log scopes) does not depend on it: ASP.NET Core starts the request's
        // activity whenever logging is on.
        if (config.GetValue<bool?>("Observability:Tracing") ?? !string.IsNullOrEmpty(otlp))
            telemetry.WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath(config), StringComparison.Ordinal))
                 .AddNpgsql();
                if (!string.IsNullOrEmpty(otlp)) t.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        telemetry
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddNpgsqlInstrumentation().AddPrometheusExporter();
                if (!string.IsNullOrEmpty(otlp)) m.AddOtlpExporter(o => o.Endpoint = new Uri(otlp));
            });
        return builder;
    }

    /// <summary>Echoes the request id (the trace id) as <c>X-Request-Id</c> and maps the Prometheus scrape endpoint.</summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use((context, next) =>
        {
            context.Response.Headers["X-Request-Id"] = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
            return next(context);
        });
        app.MapPrometheusScrapingEndpoint(MetricsPath(app.Configuration)).AllowAnonymous();
        return app;
    }

    private static string MetricsPath(IConfiguration config) => config["Observability:MetricsPath"] ?? "/metrics";
}
