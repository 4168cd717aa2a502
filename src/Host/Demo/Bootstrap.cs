using Microsoft.EntityFrameworkCore;
using SupervisionCore.Host.Audit;
using SupervisionCore.Host.Auth;
using SupervisionCore.Host.Data;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Host.Demo;

/// <summary>
/// Start-up data: the configured national-admin client (<c>Bootstrap:AdminClientId</c>/<c>AdminClientSecret</c>),
/// the Swagger UI public client, and with <c>Demo:Enabled</c> one demo client and one demo user per role, whose
/// fresh secrets and passwords are printed on the console at every start (never logged, never well-known).
/// </summary>
public static class Bootstrap
{
    public const string SwaggerClientId = "swagger-ui";
    private const long BootstrapLock = 0x5C_0002;

    /// <summary>Demo principals: (id suffix, role, jurisdiction).</summary>
    public static readonly IReadOnlyList<(string Name, string Role, string Jurisdiction)> DemoPrincipals =
    [
        ("national-admin", Roles.NationalAdmin, "CN"),
        ("province-admin-44", Roles.ProvinceAdmin, "44"),
        ("center-operator-44", Roles.CenterOperator, "44"),
        ("institution-operator-44", Roles.InstitutionOperator, "44"),
        ("supervisor-44", Roles.Supervisor, "44"),
        ("auditor-44", Roles.Auditor, "44"),
    ];

    /// <summary>Upserts the kernel's and the enabled packs' authorities (reference data defined in code).</summary>
    private static async Task SeedAuthoritiesAsync(IServiceProvider services, SupervisionDbContext db, CancellationToken ct)
    {
        var definitions = NationalAuthorities.All.Select(a => (Source: "cn", Definition: a))
            .Concat(services.GetServices<IAuthorityCatalogue>().SelectMany(c => c.Authorities.Select(a => (Source: c.PackId, Definition: a))));
        var existing = await db.Authorities.ToDictionaryAsync(a => a.Id, ct);
        foreach (var (source, a) in definitions)
        {
            if (!existing.TryGetValue(a.Id, out var row))
            {
                row = new Data.Registry.Authority { Id = a.Id, Kind = "", Jurisdiction = "", NameZh = "", NameEn = "", Source = source };
                db.Authorities.Add(row);
            }
            row.Kind = Data.Registry.AuthorityKinds.ToText(a.Kind);
            row.Jurisdiction = a.Jurisdiction.Value;
            row.CardIssuerCode = a.CardIssuerCode;
            row.NameZh = a.Name.Zh;
            row.NameEn = a.Name.En;
            row.Source = source;
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task RunAsync(IServiceProvider services, IConfiguration config, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var clients = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var issuer = config.GetSection(AuthOptions.Section).Get<AuthOptions>()?.Issuer ?? new AuthOptions().Issuer;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Several Hosts may start at once on one database: one bootstraps, the others wait and find it done.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BootstrapLock})", ct);

        await SeedAuthoritiesAsync(scope.ServiceProvider, db, ct);

        var adminId = config["Bootstrap:AdminClientId"];
        var adminSecret = config["Bootstrap:AdminClientSecret"];
        if (!string.IsNullOrWhiteSpace(adminId) && !string.IsNullOrWhiteSpace(adminSecret))
        {
            if (await clients.ExistsAsync(adminId, ct)) await clients.UpdateSecretAsync(adminId, adminSecret, ct);
            else
            {
                await clients.CreateAsync(new ClientSpec(adminId, "Bootstrap national administrator", [Roles.NationalAdmin], "CN"), adminSecret, ct);
                await audit.AppendAsync(db, AuditActor.System, new AuditEvent("admin.client.create", "oidc-client", adminId, "CN", Detail: "bootstrap"), ct);
            }
        }

        if (!await clients.ExistsAsync(SwaggerClientId, ct))
        {
            var redirect = new Uri(new Uri(issuer), "swagger/oauth2-redirect.html").ToString();
            await clients.CreateAsync(new ClientSpec(SwaggerClientId, "Swagger UI", [], "CN", [redirect], Public: true), null, ct);
        }

        await tx.CommitAsync(ct);

        var printed = new List<string>();
        if (config.GetValue<bool>("Demo:Enabled"))
        {
            var demo = await DemoData.SeedAsync(scope.ServiceProvider, db, ct);
            printed.Add("  " + demo.Summary);
            if (demo.Draws.Count > 0)
            {
                printed.Add("  demo draws: GET /api/v1/draws/{id}/transcript, POST /api/v1/draws/{id}/verify, GET /api/v1/public/draws?jurisdiction=44 (anonymous)");
                printed.AddRange(demo.Draws);
            }
            await using var demoTx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BootstrapLock})", ct);
            var users = scope.ServiceProvider.GetRequiredService<Users>();
            foreach (var (name, role, jurisdiction) in DemoPrincipals)
            {
                var clientId = "demo-" + name;
                var secret = ClientRegistry.NewSecret();
                var institution = role == Roles.InstitutionOperator ? demo.GuangdongInstitution.ToString() : null;
                var supervisor = role == Roles.Supervisor ? demo.GuangdongSupervisor.ToString() : null;
                if (await clients.ExistsAsync(clientId, ct)) await clients.UpdateSecretAsync(clientId, secret, ct);
                else await clients.CreateAsync(new ClientSpec(clientId, $"Demo {role}", [role], jurisdiction, InstitutionId: institution, SupervisorId: supervisor), secret, ct);

                var password = ClientRegistry.NewSecret()[..16];
                var account = await db.Users.SingleOrDefaultAsync(u => u.UserName == clientId, ct);
                var fresh = users.NewAccount(clientId, password, $"Demo {role}", [role], jurisdiction);
                fresh.InstitutionId = institution;
                fresh.SupervisorId = supervisor;
                if (account is null) db.Users.Add(fresh);
                else { account.PasswordHash = fresh.PasswordHash; account.LockedUntil = null; account.FailedLogins = 0; }
                printed.Add($"  {role,-22} {jurisdiction,-4} client_id={clientId}  client_secret={secret}  (login: {clientId} / {password})");
            }
            await db.SaveChangesAsync(ct);
            await demoTx.CommitAsync(ct);
        }

        if (printed.Count > 0)
        {
            // Console, not the logger: demo credentials must not end up in log files.
            Console.WriteLine("SupervisionCore demo credentials (new on every start; Demo:Enabled=true):");
            foreach (var line in printed) Console.WriteLine(line);
            Console.WriteLine($"  token: curl -s -d grant_type=client_credentials -d client_id=demo-national-admin -d client_secret=… {issuer}connect/token");
        }
    }
}
