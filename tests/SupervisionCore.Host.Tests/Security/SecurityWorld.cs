using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Data.Supervision;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Usability;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Kernel.Calendar;

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
        // Webhooks of the matrix and the fuzzer point at loopback and are never delivered: no request leaves the test.
        ["Webhooks:AllowPrivateTargets"] = "true",
        ["Webhooks:DeliveryEnabled"] = "false",
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

/// <summary>One side's objects (the pack objects only in the realms of their pack).</summary>
public sealed record Objects(string Jurisdiction, Guid Institution, Guid Supervisor, Guid Activity, Guid Task, Guid SpecialTask, Guid Assignment, Guid Draw, Guid Record, string CardNumber, Guid Appointment = default)
{
    /// <summary>An import job uploaded by the side's institution operator (home realm).</summary>
    public Guid Import { get; init; }

    /// <summary>A webhook subscription of the side's jurisdiction (to a loopback discard port; never delivered here).</summary>
    public Guid Webhook { get; init; }

    /// <summary>A complaint about the side's jurisdiction (群众举报), and its tracking code.</summary>
    public Guid Complaint { get; init; }

    /// <summary>The complaint's tracking code.</summary>
    public string ComplaintCode { get; init; } = "";

    /// <summary>gd: a measure (GD 17(三) reminder letter) against the side's institution, after a check on its daily task.</summary>
    public Guid Measure { get; init; }

    /// <summary>The side's supervisor's card (id), with a photo on file (home realm).</summary>
    public Guid Card { get; init; }

    /// <summary>bj-etdz: a venue registered for the side's institution.</summary>
    public Guid Venue { get; init; }

    /// <summary>bj-etdz: a competition organised by the side's institution.</summary>
    public Guid Competition { get; init; }

    /// <summary>yn: a learning session of the side's institution.</summary>
    public Guid LearningSession { get; init; }

    /// <summary>yn: an annual-inspection task of the side's institution with no inspection yet.</summary>
    public Guid InspectionTask { get; init; }

    /// <summary>yn: an annual inspection (of another annual-inspection task of the side's institution).</summary>
    public Guid AnnualInspection { get; init; }

    /// <summary>yn: a qualification application (YN 13) of the side's supervisor.</summary>
    public Guid Application { get; init; }
}

/// <summary>The jurisdictions of the packs' realms.</summary>
public static class PackRealms
{
    public const string Gd = "44";
    public const string Bj = "11.ETDZ";
    public const string Yn = "53";
}

/// <summary>
/// One jurisdiction's principals (a token per role) and own, peer and foreign objects. The home realm (43) asks about
/// objects of another province (45) with its own principals. A pack realm's objects exist only inside the pack's
/// jurisdiction (venues, learning sessions, …), so its foreign side is its own objects asked by the principals of another
/// province (45) instead: either way the object is out of the caller's reach.
/// </summary>
public sealed class Realm(string jurisdiction)
{
    public string Jurisdiction { get; } = jurisdiction;

    public Dictionary<Side, Objects> Of { get; } = [];

    public Dictionary<string, string> Tokens { get; } = [];

    /// <summary>Null in the home realm; in a pack realm, the principals of another province.</summary>
    public Dictionary<string, string>? ForeignTokens { get; init; }

    public string TokenFor(string role, Side side) => side == Side.Foreign && ForeignTokens is not null ? ForeignTokens[role] : Tokens[role];
}

/// <summary>
/// One Host with data in two provinces — 43 (own: institutions I1 and I2, supervisors S1 of I1 and S2) and 45 (foreign) —
/// and a real token for each role of province 43 (the national admin for CN); and a realm for each pack (44, 11.ETDZ,
/// 53) with the same own and peer objects plus the pack's (venues, competitions, learning sessions, annual inspections),
/// a token for each role there and for each role of province 45. Shared by the access matrix, the fuzzer, the audit and
/// the privacy suites.
/// </summary>
public sealed class SecurityWorld : IAsyncLifetime
{
    public const string OwnProvince = "43";
    public const string ForeignProvince = "45";

    /// <summary>Personal numbers of the world's people: none may show up in a log line or a public response.</summary>
    public List<string> IdNumbers { get; } = [];

    public List<string> Phones { get; } = [];

    public SecureApp App { get; } = new();

    /// <summary>The home realm's objects (43 own and peer, 45 foreign).</summary>
    public Dictionary<Side, Objects> Of => Home.Of;

    /// <summary>The home realm's principals (province 43; the national admin for CN).</summary>
    public Dictionary<string, string> Tokens => Home.Tokens;

    /// <summary>The realms by jurisdiction: the home province and one per pack.</summary>
    public Dictionary<string, Realm> Realms { get; } = [];

    private Realm Home => Realms[OwnProvince];

    /// <summary>
    /// A supervisors file without the required columns: the job is accepted (202) and fails at once on the header, before
    /// any row is processed, so a fixture job is finished quickly and imports nothing.
    /// </summary>
    public const string UnimportableSupervisors = "姓名\r\n矩阵\r\n";

    public async Task InitializeAsync()
    {
        _ = App.Server;
        var home = new Realm(OwnProvince);
        Realms[OwnProvince] = home;
        home.Of[Side.Own] = await SideAsync(OwnProvince, "430102");
        home.Of[Side.Peer] = await SideAsync(OwnProvince, "430103");
        home.Of[Side.Foreign] = await SideAsync(ForeignProvince, "450102");
        await PrincipalsAsync(home, OwnProvince, OwnProvince);

        // Import jobs, each uploaded by its side's institution operator (a job is its uploader's and its administrators').
        home.Of[Side.Own] = home.Of[Side.Own] with { Import = await ImportJobAsync(Tokens[Roles.InstitutionOperator]) };
        home.Of[Side.Peer] = home.Of[Side.Peer] with { Import = await ImportJobAsync(await App.TokenForAsync(Roles.InstitutionOperator, OwnProvince, institutionId: Of[Side.Peer].Institution)) };
        var foreignOperator = await App.TokenForAsync(Roles.InstitutionOperator, ForeignProvince, institutionId: Of[Side.Foreign].Institution);
        home.Of[Side.Foreign] = home.Of[Side.Foreign] with { Import = await ImportJobAsync(foreignOperator) };

        var foreign = new Dictionary<string, string>
        {
            [Roles.NationalAdmin] = Tokens[Roles.NationalAdmin],
            [Roles.ProvinceAdmin] = await App.TokenForAsync(Roles.ProvinceAdmin, ForeignProvince),
            [Roles.CenterOperator] = await App.TokenForAsync(Roles.CenterOperator, ForeignProvince),
            [Roles.InstitutionOperator] = foreignOperator,
            [Roles.Supervisor] = await App.TokenForAsync(Roles.Supervisor, ForeignProvince, supervisorId: Of[Side.Foreign].Supervisor),
            [Roles.Auditor] = await App.TokenForAsync(Roles.Auditor, ForeignProvince),
        };
        // Guangdong and the zone: external supervisors (integrity files, venue checks) appointed a year ago; Yunnan: internal ones (learning).
        var gd = await PackRealmAsync(PackRealms.Gd, "44", "440106", "external", foreign);
        var bj = await PackRealmAsync(PackRealms.Bj, "11", "110115", "external", foreign);
        var yn = await PackRealmAsync(PackRealms.Yn, "53", "530102", "internal", foreign);
        foreach (var side in new[] { Side.Own, Side.Peer })
        {
            gd.Of[side] = await GuangdongObjectsAsync(gd, gd.Of[side]);
            bj.Of[side] = await ZoneObjectsAsync(bj, bj.Of[side]);
            yn.Of[side] = await YunnanObjectsAsync(yn, yn.Of[side]);
        }
        // A pack realm's foreign side: its own objects, asked by principals of another province.
        foreach (var realm in new[] { gd, bj, yn }) realm.Of[Side.Foreign] = realm.Of[Side.Own];
    }

    public HttpClient ClientFor(string? role) => ClientFor(role, Home, Side.Own);

    /// <summary>A client with the token of <paramref name="role"/> (none when null) for asking about <paramref name="side"/> in <paramref name="realm"/>.</summary>
    public HttpClient ClientFor(string? role, Realm realm, Side side)
    {
        ArgumentNullException.ThrowIfNull(realm);
        var client = App.CreateClient();
        if (role is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", realm.TokenFor(role, side));
        return client;
    }

    /// <summary>An import upload (multipart) of a supervisors .csv, with extra form fields.</summary>
    public static HttpRequestMessage Upload(string csv, params (string Name, string Value)[] extra)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "supervisors.csv");
        form.Add(new StringContent("supervisors"), "type");
        form.Add(new StringContent("all-or-nothing"), "mode");
        foreach (var (name, value) in extra) form.Add(new StringContent(value), name);
        return new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = form };
    }

    /// <summary>Uploads an unimportable file and waits until the worker has finished it (so no job runs under a digest).</summary>
    private async Task<Guid> ImportJobAsync(string token)
    {
        using var client = App.CreateClient(token);
        using var request = Upload(UnimportableSupervisors);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(202, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        (await UsabilitySupport.WaitAsync(client, id)).GetProperty("status").GetString().ShouldBe("failed");
        return Guid.Parse(id);
    }

    private async Task PrincipalsAsync(Realm realm, string jurisdiction, string province)
    {
        realm.Tokens[Roles.NationalAdmin] = Realms.TryGetValue(OwnProvince, out var home) && home.Tokens.TryGetValue(Roles.NationalAdmin, out var national)
            ? national : await App.TokenForAsync(Roles.NationalAdmin, "CN");
        realm.Tokens[Roles.ProvinceAdmin] = await App.TokenForAsync(Roles.ProvinceAdmin, province);
        realm.Tokens[Roles.CenterOperator] = await App.TokenForAsync(Roles.CenterOperator, jurisdiction);
        realm.Tokens[Roles.InstitutionOperator] = await App.TokenForAsync(Roles.InstitutionOperator, jurisdiction, institutionId: realm.Of[Side.Own].Institution);
        realm.Tokens[Roles.Supervisor] = await App.TokenForAsync(Roles.Supervisor, jurisdiction, supervisorId: realm.Of[Side.Own].Supervisor);
        realm.Tokens[Roles.Auditor] = await App.TokenForAsync(Roles.Auditor, jurisdiction);
    }

    /// <summary>A pack's realm: own and peer objects in its jurisdiction, its principals (the province administrator of <paramref name="province"/>).</summary>
    private async Task<Realm> PackRealmAsync(string jurisdiction, string province, string region, string supervisorKind, Dictionary<string, string> foreign)
    {
        var realm = new Realm(jurisdiction) { ForeignTokens = foreign };
        Realms[jurisdiction] = realm;
        var appointed = ChinaTime.DateOf(DateTimeOffset.UtcNow).AddYears(-1);
        realm.Of[Side.Own] = await SideAsync(jurisdiction, region, supervisorKind, province, appointed);
        realm.Of[Side.Peer] = await SideAsync(jurisdiction, region[..4] + "03", supervisorKind, province, appointed);
        await PrincipalsAsync(realm, jurisdiction, province);
        return realm;
    }

    /// <summary>Guangdong's objects of a side: a check on its daily task (recorded by the centre) and a reminder letter (GD 17).</summary>
    private async Task<Objects> GuangdongObjectsAsync(Realm realm, Objects side)
    {
        using var centre = App.CreateClient(realm.Tokens[Roles.CenterOperator]);
        await CreatedAsync(centre, "/api/v1/regions/gd/daily-checks", new { taskId = side.Task, kind = "sampling", on = "2025-06-10", filesSampled = 5, findings = "抽查5份档案（矩阵）", problemsFound = true });
        var measure = await CreatedAsync(centre, "/api/v1/regions/gd/measures", AccessMatrix.Letter(side.Task));
        return side with { Measure = measure };
    }

    /// <summary>The zone's objects of a side: a venue registered by the bureau, a competition of its institution.</summary>
    private async Task<Objects> ZoneObjectsAsync(Realm realm, Objects side)
    {
        using var bureau = App.CreateClient(realm.Tokens[Roles.CenterOperator]);
        var venue = await CreatedAsync(bureau, "/api/v1/regions/bj-etdz/venues", AccessMatrix.Venue(side.Institution));
        var competition = await CreatedAsync(bureau, "/api/v1/activities", new
        {
            institutionId = side.Institution, kind = "competition", occupation = "电工", level = "三级", planNumber = "矩阵竞赛",
            startsAt = "2025-09-01T08:00:00+08:00", endsAt = "2025-09-01T18:00:00+08:00", candidateCount = 100,
            venues = new[] { new { name = "一号馆", address = (string?)"科创十三街1号", contestants = 100 } },
        });
        return side with { Venue = venue, Competition = competition };
    }

    /// <summary>Yunnan's objects of a side: a learning session, an annual inspection, and a second annual-inspection task without one.</summary>
    private async Task<Objects> YunnanObjectsAsync(Realm realm, Objects side)
    {
        using var centre = App.CreateClient(realm.Tokens[Roles.CenterOperator]);
        var session = await CreatedAsync(centre, "/api/v1/regions/yn/learning-sessions", new { institutionId = side.Institution, jurisdiction = side.Jurisdiction, year = 2025, heldOn = "2025-05-10", content = "业务学习" });
        var inspected = await AnnualInspectionTaskAsync(side);
        var inspection = await CreatedAsync(centre, "/api/v1/regions/yn/annual-inspections", new { taskId = inspected, institutionId = side.Institution, jurisdiction = side.Jurisdiction, year = 2025 });
        var application = await CreatedAsync(centre, "/api/v1/regions/yn/applications", new { supervisorId = side.Supervisor, appliedOn = "2025-03-01", statement = "符合第六条任职条件（访问矩阵）" });
        return side with { LearningSession = session, AnnualInspection = inspection, InspectionTask = await AnnualInspectionTaskAsync(side), Application = application };
    }

    private async Task<Guid> AnnualInspectionTaskAsync(Objects side)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupervisionDbContext>();
        var template = await db.SupervisionTasks.AsNoTracking().SingleAsync(t => t.Id == side.Task);
        var task = new SupervisionTask
        {
            Id = Guid.CreateVersion7(), Kind = "annual-inspection", AuthorityId = template.AuthorityId, Jurisdiction = template.Jurisdiction, InstitutionId = template.InstitutionId,
            ActivityId = template.ActivityId, RequiredCount = 1, Status = "planned", WindowStart = template.WindowStart, WindowEnd = template.WindowEnd, CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(task);
        await db.SaveChangesAsync();
        return task.Id;
    }

    private static async Task<Guid> CreatedAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(201, $"{url}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    private async Task<Objects> SideAsync(string province, string region, string kind = "internal", string? authority = null, DateOnly? appointed = null)
    {
        var institution = await Seed.InstitutionAsync(App, province);
        var idNumber = Seed.IdNumber(region);
        IdNumbers.Add(idNumber);
        var supervisor = await Seed.SupervisorAsync(App, province, kind: kind, institutionId: kind == "internal" ? institution.Id : null, idNumber: idNumber, name: "李督导");
        await Seed.AppointAndCardAsync(App, supervisor.Id, authority ?? province, appointed ?? new DateOnly(2024, 1, 1));
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
            Id = Guid.CreateVersion7(), TaskId = task.Id, DrawId = draw.Id, SupervisorId = supervisor.Id, Rank = 1, Role = kind, Status = "invited", CreatedAt = DateTimeOffset.UtcNow,
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
        var webhook = new Host.Features.Events.WebhookSubscription
        {
            Id = Guid.CreateVersion7(), Url = "http://127.0.0.1:9/matrix", Jurisdiction = province, Secret = Host.Features.Webhooks.WebhookSignature.NewSecret(),
            CreatedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
        };
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), TrackingCode = "M" + Guid.NewGuid().ToString("N")[..11].ToUpperInvariant(), Jurisdiction = province, InstitutionId = institution.Id,
            Source = "public", Text = "考场存在替考现象（访问矩阵）", State = "received", ReceivedAt = DateTimeOffset.UtcNow,
        };
        var png = TestImages.Png(100, 140);
        var photo = new Host.Data.Registry.SupervisorPhoto
        {
            SupervisorId = supervisor.Id, MediaType = "image/png", Width = 100, Height = 140, Size = png.Length, Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(png)),
            Cipher = protector.Encrypt(Convert.ToBase64String(png)), UploadedBy = "test", UploadedAt = DateTimeOffset.UtcNow,
        };
        db.AddRange(activity, task, special, draw, assignment, record, feedback, webhook, complaint, photo);
        await db.SaveChangesAsync();
        var appointment = db.Appointments.Single(a => a.SupervisorId == supervisor.Id).Id;
        return new Objects(province, institution.Id, supervisor.Id, activity.Id, task.Id, special.Id, assignment.Id, draw.Id, record.Id, card.Number, appointment) { Webhook = webhook.Id, Complaint = complaint.Id, ComplaintCode = complaint.TrackingCode, Card = card.Id };
    }

    /// <summary>Waits (bounded, not a timing assertion) until no import job is queued or running, so that none changes a table under a digest.</summary>
    public async Task ImportsIdleAsync()
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        await using var connection = new NpgsqlConnection(App.ConnectionString);
        await connection.OpenAsync();
        while (true)
        {
            await using var busy = new NpgsqlCommand("SELECT count(*) FROM supervision.import_jobs WHERE status IN ('queued', 'running')", connection);
            if ((long)(await busy.ExecuteScalarAsync())! == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("import jobs still queued or running after 4 minutes");
            await Task.Delay(200);
        }
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
            if (table.EndsWith(".audit_head", StringComparison.Ordinal) || table.EndsWith(".audit_checkpoints", StringComparison.Ordinal)) continue;
            var filter = table.EndsWith(".audit_entries", StringComparison.Ordinal) ? $"WHERE action <> '{Host.Access.AccessAudit.Action}'" : "";
            var quoted = string.Join('.', table.Split('.').Select(p => $"\"{p}\""));
            await using var command = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM {quoted} t {filter}", connection);
            digest[table] = (string)(await command.ExecuteScalarAsync())!;
        }
        return digest;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
