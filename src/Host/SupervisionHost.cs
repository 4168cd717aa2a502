using System.Text.Json;
using System.Text.Json.Serialization;
using FastEndpoints;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Access;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Auth;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Database;
using SupervisionCore.Host.Demo;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Features.Imports;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Host.Observability;
using SupervisionCore.Host.OpenApi;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Host;

/// <summary>The composition root: database, packs, identity, HTTP pipeline.</summary>
public static class SupervisionHost
{
    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var config = builder.Configuration;
        builder.AddObservability();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = config.GetValue<long?>("Http:MaxRequestBodyBytes") ?? 1_048_576);
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]) && string.IsNullOrEmpty(config["Kestrel:Endpoints:Http:Url"]))
            builder.WebHost.UseUrls("http://localhost:5080");

        var dbOptions = config.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var (connectionString, embedded) = ResolveDatabase(config, dbOptions);
        try
        {
            var contextOptions = new DbContextOptionsBuilder<SupervisionDbContext>().UseSupervisionDatabase(connectionString).Options;
            var pluginOptions = config.GetSection(PluginsOptions.Section).Get<PluginsOptions>() ?? new PluginsOptions();
            IReadOnlyList<LoadedPack> packs;
            try { packs = PackLoader.Load(pluginOptions); }
            catch (PackLoadException ex) { throw new StartupException(ex.Message); }
            if (dbOptions.Migrate) Migrate(contextOptions, connectionString, packs);

            var auth = config.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
            var keys = KeyRing.Load(auth, contextOptions);
            var personalData = new PersonalData(PersonalData.LoadMasterKey(config, contextOptions), PersonalData.CipherOf(config));
            var auditKeys = AuditKeys.Load(config.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions());
            ConfigureServices(builder, connectionString, packs, auth, keys);
            builder.Services.AddSingleton(personalData);
            builder.Services.AddSingleton(auditKeys);

            var app = builder.Build();
            if (embedded is not null) app.Lifetime.ApplicationStopped.Register(embedded.Stop);
            ConfigurePipeline(app, packs);
            // Every pack's parameter catalogue is checked before serving (ids, defaults, rules fed): a bad one stops start-up naming the pack.
            app.Services.GetRequiredService<Features.Parameters.ParameterRegistry>();
            await Bootstrap.RunAsync(app.Services, app.Configuration, app.Lifetime.ApplicationStopping);
            await app.RunAsync();
        }
        finally
        {
            embedded?.Stop();
        }
    }

    private static (string ConnectionString, EmbeddedPostgres? Embedded) ResolveDatabase(IConfiguration config, DatabaseOptions options)
    {
        var configured = config.GetConnectionString("Supervision");
        if (!string.IsNullOrWhiteSpace(configured)) return (WithSessionDefaults(configured), null);
        try
        {
            var pg = EmbeddedPostgres.Start(new EmbeddedPostgres.Options(options.ResolvedDataDirectory, BinDirectory: options.BinDirectory));
            // Stop the private cluster on Ctrl+C/SIGTERM even if start-up fails later.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => pg.Stop();
            EnsureDatabase(pg);
            return (WithSessionDefaults(pg.ConnectionString("supervision")), pg);
        }
        catch (EmbeddedPostgresException ex)
        {
            throw new StartupException(ex.Message);
        }
    }

    /// <summary>
    /// The Host's session settings on top of <paramref name="connectionString"/>: PostgreSQL's JIT off (<c>-c jit=off</c>)
    /// unless the connection string's <c>Options</c> already set <c>jit</c>. Every query of the Host is short; on the
    /// one whose estimated cost crosses <c>jit_above_cost</c> (a draw's pool of 100,000) JIT compilation took 285 ms of a
    /// 590 ms query and saved nothing (EXPLAIN in bench/results/latest.md, docs/scaling.md).
    /// </summary>
    public static string WithSessionDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }

    private static void EnsureDatabase(EmbeddedPostgres pg)
    {
        using var connection = new Npgsql.NpgsqlConnection(pg.ConnectionString("postgres"));
        connection.Open();
        using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'supervision'", connection);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE supervision", connection);
            create.ExecuteNonQuery();
        }
    }

    private const long MigrationLock = 0x5C_0003;

    private static void Migrate(DbContextOptions<SupervisionDbContext> options, string connectionString, IReadOnlyList<LoadedPack> packs)
    {
        using var db = new SupervisionDbContext(options);
        try
        {
            // Hosts starting together: one migrates while the others wait on this session lock, then find nothing to do.
            using var lockSession = new Npgsql.NpgsqlConnection(connectionString);
            lockSession.Open();
            using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLock})", lockSession)) take.ExecuteNonQuery();
            db.Database.Migrate();
            PackStorage.Migrate(packs, connectionString);
            using var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLock})", lockSession);
            release.ExecuteNonQuery();
        }
        catch (Npgsql.NpgsqlException ex)
        {
            throw new StartupException($"database: cannot apply migrations: {ex.Message}");
        }
    }

    /// <summary>EF Core on Npgsql with snake_case names, as every Host context uses it.</summary>
    public static DbContextOptionsBuilder<SupervisionDbContext> UseSupervisionDatabase(this DbContextOptionsBuilder<SupervisionDbContext> b, string connectionString) =>
        b.UseNpgsql(connectionString, o => o.EnableRetryOnFailure(0)).UseSnakeCaseNamingConvention();

    private static void ConfigureServices(WebApplicationBuilder builder, string connectionString, IReadOnlyList<LoadedPack> packs, AuthOptions auth, KeyRing keys)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        // Pooled: a request takes a ready context (options, model and EF's internal services resolved once) instead of
        // building one; contexts are reset when returned. Profiled: building it was ~11 % of a GET's Host CPU (bench/results).
        services.AddDbContextPool<SupervisionDbContext>(o => o.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        services.AddSingleton<AuditLog>();
        services.AddPackContexts(packs, connectionString);
        // What packs may read from and ask of the kernel's data (kernel contract, implemented here).
        services.AddScoped<ISupervisionDirectory, Features.Packs.Services.SupervisionDirectory>();
        services.AddScoped<ISupervisorActions, Features.Packs.Services.SupervisorActions>();
        services.AddSingleton<IPackAudit, Features.Packs.Services.PackAudit>();
        // Policy parameters (docs/parameters.md): the kernel's catalogue beside the packs' (found by the scan below), and the
        // values in force for a request, for the Host's loaders and the packs' endpoints alike.
        services.AddSingleton<Kernel.Parameters.IParameterCatalogue, Kernel.Parameters.NationalParameters>();
        services.AddScoped<Kernel.Parameters.IParameterSource>(sp => sp.GetRequiredService<Features.Parameters.ParameterResolver>());
        services.AddSingleton(new PackCatalog(packs));
        services.AddSupervisionAuth(auth, keys, builder.Environment.IsProduction());
        services.AddAuthorization();
        // Login cookies and antiforgery tokens must be readable by every Host behind a load balancer.
        services.AddDataProtection().SetApplicationName("SupervisionCore").PersistKeysToDbContext<SupervisionDbContext>();
        services.AddAntiforgery(o => o.Cookie.Name = "sc.af");
        services.AddSupervisionProblemDetails();
        ValidationLanguage.Install();
        services.AddRequestLocalization(o =>
        {
            string[] cultures = ["zh-CN", "en"];
            o.SetDefaultCulture("zh-CN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
            o.ApplyCurrentCultureToResponseHeaders = true;
        });
        services.AddSupervisionRateLimits(builder.Configuration);
        services.AddHostedService<Jobs.TokenPruningJob>();
        services.AddHostedService<AuditCheckpointJob>();
        services.AddHostedService<Jobs.AppointmentExpiryJob>();
        services.AddPackHostedServices(packs); // packs' scheduled jobs: each IHostedService in a pack assembly (Plugins/PackHostedServices.cs)
        services.AddImports();
        Features.Webhooks.WebhookServices.AddWebhooks(services, builder.Configuration); // webhook delivery worker (Features/Webhooks)
        services.AddHealthChecks().AddNpgSql(connectionString, name: "postgresql", tags: ["ready"], timeout: TimeSpan.FromSeconds(3));

        // Pack extension points (card schemes, eligibility rules, …): one scan over every enabled pack.
        services.Scan(scan => scan.FromAssemblies(packs.Select(p => p.Assembly))
            .AddClasses(c => c.AssignableTo<IPackExtension>())
            .AsSelfWithInterfaces()
            .WithSingletonLifetime());
        // Each pack's own services (kernel contract 2.0: IPolicyPack.ConfigureServices), after the scans.
        services.AddPackServices(packs, builder.Configuration);

        // Host services by marker interface (Infrastructure/ServiceMarkers.cs).
        services.Scan(scan => scan.FromAssemblyOf<PackCatalog>()
            .AddClasses(c => c.AssignableTo<Infrastructure.IScopedService>()).AsSelf().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<Infrastructure.ISingletonService>()).AsSelf().WithSingletonLifetime());

        services.AddFastEndpoints(o =>
        {
            o.DisableAutoDiscovery = true;
            o.Assemblies = [typeof(SupervisionHost).Assembly, .. packs.Select(p => p.Assembly)];
        });
        // The same JSON shape for Swashbuckle's schemas as FastEndpoints sends (enums as kebab-case strings).
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddSupervisionOpenApi(packs);
    }

    private static void ConfigurePipeline(WebApplication app, IReadOnlyList<LoadedPack> packs)
    {
        app.UseObservability();
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        // Localisation first: error bodies written on the way out (status code pages) use the request's language.
        app.UseRequestLocalization();
        app.UseSupervisionErrors();
        app.UseSecurityHeaders();
        app.UseAccessDeniedAudit();
        app.UseRequestLimits();
        app.UseTokenThrottle();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseContentTypeRequired();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOidcEndpoints();
        app.UseFastEndpoints(c =>
        {
            // 400 problems in the request's language: title, field messages, binding and JSON failures (Errors/ValidationLanguage.cs).
            ValidationLanguage.Configure(c.Errors);
            c.Binding.FailureMessage = ValidationLanguage.BindingFailure;
            c.Binding.JsonExceptionTransformer = ValidationLanguage.JsonFailure;
            c.Security.RoleClaimType = SupervisionCore.Kernel.Access.SupervisionClaims.Role;
            c.Serializer.Options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            c.Serializer.Options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            c.Serializer.Options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });
        // Bench-only bare endpoints (bench/Suite), mapped only when Bench:Yardsticks=true and never documented.
        Features.Yardsticks.Yardsticks.MapWhenEnabled(app);
        PackRoutes.Verify(app, packs);
        app.UseSupervisionOpenApi(packs);
    }
}
