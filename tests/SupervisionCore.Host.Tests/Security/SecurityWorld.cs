using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Security;

/// <summary>The test Host of the security suites: its logs captured, and the rate limits out of the way (a suite of its own tests them).</summary>
public sealed class SecureApp : SupervisionApp
{
    public LogCapture Logs { get; } = new();

    public IDictionary<string, string?> Extra { get; } = new Dictionary<string, string?>
    {
        ["RateLimits:PublicPerMinute"] = "1000000",
        ["RateLimits:IssuancePerMinute"] = "1000000",
        ["RateLimits:DrawsPerMinute"] = "1000000",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in Extra) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.AddProvider(Logs));
    }
}

/// <summary>Which object a request is about, seen from the principals of province 43 (institution I1, supervisor S1).</summary>
public enum Side
{
    /// <summary>The principal's own object (its province; its institution; itself).</summary>
    Own,

    /// <summary>Same province, another institution / another supervisor.</summary>
    Peer,

    /// <summary>Another province (45).</summary>
    Foreign,
}

/// <summary>One side's objects.</summary>
public sealed record Objects(string Jurisdiction, Guid Institution, Guid Supervisor, Guid Activity, Guid Task, Guid SpecialTask, Guid Assignment, Guid Draw, Guid Record, string CardNumber);

/// <summary>
/// One Host with data in two provinces — 43 (own: institutions I1 and I2, supervisors S1 of I1 and S2) and 45 (foreign) —
/// and a real token for each role of province 43 (the national admin for CN). Shared by the access matrix, the fuzzer,
/// the audit and the privacy suites.
/// </summary>
public sealed class SecurityWorld : IAsyncLifetime
{
    public const string OwnProvince = "43";
    public const string ForeignProvince = "45";

    /// <summary>Personal numbers of the world's people: none may show up in a log line or a public response.</summary>
    public List<string> IdNumbers { get; } = [];

    public List<string> Phones { get; } = [];

    public SecureApp App { get; } = new();

    public Dictionary<Side, Objects> Of { get; } = [];

    public Dictionary<string, string> Tokens { get; } = [];

    public async Task InitializeAsync()
    {
        _ = App.Server;
        Of[Side.Own] = await SideAsync(OwnProvince, "430102");
        Of[Side.Peer] = await SideAsync(OwnProvince, "430103");
        Of[Side.Foreign] = await SideAsync(ForeignProvince, "450102");
        Tokens[Roles.NationalAdmin] = await App.TokenForAsync(Roles.NationalAdmin, "CN");
        Tokens[Roles.ProvinceAdmin] = await App.TokenForAsync(Roles.ProvinceAdmin, OwnProvince);
        Tokens[Roles.CenterOperator] = await App.TokenForAsync(Roles.CenterOperator, OwnProvince);
        Tokens[Roles.InstitutionOperator] = await App.TokenForAsync(Roles.InstitutionOperator, OwnProvince, institutionId: Of[Side.Own].Institution);
        Tokens[Roles.Supervisor] = await App.TokenForAsync(Roles.Supervisor, OwnProvince, supervisorId: Of[Side.Own].Supervisor);
        Tokens[Roles.Auditor] = await App.TokenForAsync(Roles.Auditor, OwnProvince);
    }

    public HttpClient ClientFor(string? role)
    {
        var client = App.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[role]);
        return client;
    }

    private async Task<Objects> SideAsync(string province, string region)
    {
        var institution = await Seed.InstitutionAsync(App, province);
        var idNumber = Seed.IdNumber(region);
        IdNumbers.Add(idNumber);
        var supervisor = await Seed.SupervisorAsync(App, province, kind: "internal", institutionId: institution.Id, idNumber: idNumber, name: "李督导");
        await Seed.AppointAndCardAsync(App, supervisor.Id, province, new DateOnly(2024, 1, 1));
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        Phones.Add(phone);
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<Host.Infrastructure.PersonalData>();
        var s = await db.Supervisors.FindAsync(supervisor.Id);
        s!.PhoneCipher = protector.Encrypt(phone);
        s.PhoneMasked = Host.Infrastructure.PersonalData.MaskPhone(phone);
        var card = db.Cards.Single(c => c.SupervisorId == supervisor.Id);
        var start = new DateTimeOffset(2025, 6, 10, 0, 30, 0, TimeSpan.Zero);
        var activity = new Activity
        {
            Id = Guid.CreateVersion7(), InstitutionId = institution.Id, Jurisdiction = province, Kind = "skill-level-recognition", Occupation = "电工", Level = "三级",
            StartsAt = start, EndsAt = start.AddHours(8), CandidateCount = 30, CreatedAt = DateTimeOffset.UtcNow,
        };
        SupervisionTask NewTask(string kind) => new()
        {
            Id = Guid.CreateVersion7(), Kind = kind, AuthorityId = province, Jurisdiction = province, InstitutionId = institution.Id, ActivityId = activity.Id,
            RequiredCount = 1, Status = "drawn", WindowStart = start, WindowEnd = start.AddHours(8), CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        var task = NewTask("daily");
        var special = NewTask("special");
        var draw = new Draw
        {
            Id = Guid.CreateVersion7(), Purpose = "task", TaskId = task.Id, Jurisdiction = province, Status = "run", Seed = "00", Algorithm = "v1",
            Pool = [supervisor.Id.ToString()], Ranking = [supervisor.Id.ToString()], Count = 1, Published = false, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow, RunAt = DateTimeOffset.UtcNow,
        };
        var assignment = new Assignment
        {
            Id = Guid.CreateVersion7(), TaskId = task.Id, DrawId = draw.Id, SupervisorId = supervisor.Id, Rank = 1, Role = "external", Status = "invited", CreatedAt = DateTimeOffset.UtcNow,
        };
        var record = new SupervisionRecord
        {
            Id = Guid.CreateVersion7(), AssignmentId = assignment.Id, FormId = "cn.report", FormVersion = 1, Content = JsonSerializer.Serialize(new Dictionary<string, string> { ["problems"] = "无" }),
            SubmittedBy = "test", SubmittedAt = DateTimeOffset.UtcNow,
        };
        var feedback = new SupervisorFeedback
        {
            Id = Guid.CreateVersion7(), AssignmentId = assignment.Id, InstitutionId = institution.Id, Text = "良好", SubmittedBy = "test", SubmittedAt = DateTimeOffset.UtcNow,
        };
        db.AddRange(activity, task, special, draw, assignment, record, feedback);
        await db.SaveChangesAsync();
        return new Objects(province, institution.Id, supervisor.Id, activity.Id, task.Id, special.Id, assignment.Id, draw.Id, record.Id, card.Number);
    }

    /// <summary>
    /// A digest of the database: every table's row count and an order-independent checksum of its rows, except the
    /// authorisation-failure entries of the audit log (appended by design when a request is refused) and its head.
    /// </summary>
    public async Task<Dictionary<string, string>> DigestAsync()
    {
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_schema || '.' || table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var digest = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            if (table.EndsWith(".audit_head", StringComparison.Ordinal)) continue;
            var filter = table.EndsWith(".audit_entries", StringComparison.Ordinal) ? $"WHERE action <> '{Host.Access.AccessAudit.Action}'" : "";
            var quoted = string.Join('.', table.Split('.').Select(p => $"\"{p}\""));
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {quoted} t {filter}", connection);
            digest[table] = (string)(await command.ExecuteScalarAsync())!;
        }
        return digest;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
