using System.Net;
using System.Net.Http.Json;
using Npgsql;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Registry.SupervisorTestSupport;

namespace SupervisionCore.Host.Tests.Registry;

public sealed class SupervisorsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Theory]
    [InlineData("11010519491231002X", "11", "110105********002X", "female", "1949-12-31")]
    [InlineData("11010519491231002x", "12", "110105********002X", "female", "1949-12-31")]
    [InlineData("440524188001010014", "13", "440524********0014", "male", "1880-01-01")]
    [InlineData("440524800101001", "14", "440524********0013", "male", "1980-01-01")]
    public async Task Registers_valid_numbers_with_derived_sex_and_birth_date_and_shows_them_masked(string idNumber, string jurisdiction, string masked, string sex, string born)
    {
        using var admin = await AdminAsync(app);
        var response = await admin.PostAsJsonAsync("/api/v1/supervisors", Body(idNumber, jurisdiction));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        var json = await response.ReadJsonAsync();
        json.GetProperty("idNumber").GetString().ShouldBe(masked);
        json.GetProperty("sex").GetString().ShouldBe(sex);
        json.GetProperty("birthYear").GetInt32().ShouldBe(int.Parse(born[..4], System.Globalization.CultureInfo.InvariantCulture));
        text.ShouldNotContain(born, Case.Sensitive, "the full birth date beside the masked number rebuilds it");
        json.GetProperty("phone").GetString().ShouldBe("138****5678");
        text.ShouldNotContain(idNumber[..14]);
        text.ShouldNotContain("13812345678");
    }

    [Theory]
    [InlineData("110105194912310021", "wrong check character")]
    [InlineData("11010519491231002", "has 17")]
    [InlineData("110105194902300021", "is not a real date")]
    [InlineData("99010519491231002X", "not a province code")]
    public async Task Invalid_numbers_are_400_naming_idNumber_with_the_kernel_reason(string idNumber, string reason)
    {
        using var admin = await AdminAsync(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/supervisors") { Content = JsonContent.Create(Body(idNumber)) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await admin.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("idNumber");
        text.ShouldContain(reason);
        text.ShouldNotContain(idNumber);
    }

    [Fact]
    public async Task A_person_is_registered_once_per_jurisdiction_and_may_be_in_another()
    {
        using var admin = await AdminAsync(app);
        var id = Seed.IdNumber();
        await RegisterAsync(admin, Body(id, "44"));
        (await admin.PostAsJsonAsync("/api/v1/supervisors", Body(id.ToLowerInvariant(), "44"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await RegisterAsync(admin, Body(id, "45"));
    }

    [Fact]
    public async Task The_id_number_never_appears_in_clear_in_responses_or_in_the_database_audit_and_search_finds_it()
    {
        using var admin = await AdminAsync(app);
        var id = Seed.IdNumber(region: "440304");
        var created = await RegisterAsync(admin, Body(id, "44.B"));
        var get = await admin.GetStringAsync($"/api/v1/supervisors/{created.Id()}");
        var found = await admin.GetAsync($"/api/v1/supervisors?idNumber={id}");
        var list = await found.Content.ReadAsStringAsync();
        found.StatusCode.ShouldBe(HttpStatusCode.OK, list);
        var page = await found.ReadJsonAsync();
        page.GetProperty("total").GetInt32().ShouldBe(1);
        page.GetProperty("items")[0].Id().ShouldBe(created.Id());
        foreach (var text in new[] { created.ToString(), get, list }) text.ShouldNotContain(id[..17]);

        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var audit = new NpgsqlCommand(
            "SELECT count(*) FROM supervision.audit_entries WHERE canonical LIKE @p OR coalesce(detail, '') LIKE @p OR coalesce(after_digest, '') LIKE @p", db);
        audit.Parameters.AddWithValue("p", $"%{id[..17]}%");
        ((long)(await audit.ExecuteScalarAsync())!).ShouldBe(0);
        await using var registered = new NpgsqlCommand("SELECT count(*) FROM supervision.audit_entries WHERE action = 'supervisor.register' AND target_id = @t", db);
        registered.Parameters.AddWithValue("t", created.Id().ToString());
        ((long)(await registered.ExecuteScalarAsync())!).ShouldBe(1);
        await using var row = new NpgsqlCommand("SELECT count(*) FROM supervision.supervisors WHERE id = @i AND (name LIKE @p OR id_number_masked LIKE @p OR encode(id_number_cipher, 'escape') LIKE @p)", db);
        row.Parameters.AddWithValue("i", created.Id());
        row.Parameters.AddWithValue("p", $"%{id[..17]}%");
        ((long)(await row.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task Search_filters_by_name_kind_and_jurisdiction_and_pages()
    {
        using var admin = await AdminAsync(app);
        for (var i = 0; i < 3; i++) await RegisterAsync(admin, Body(Seed.IdNumber(), "44.C", name: $"王检索{i}"));
        var page = await (await admin.GetAsync("/api/v1/supervisors?name=王检索&kind=external&jurisdiction=44.C&pageSize=2")).ReadJsonAsync();
        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("items").GetArrayLength().ShouldBe(2);
        (await admin.GetAsync("/api/v1/supervisors?idNumber=123")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetAsync("/api/v1/supervisors?pageSize=101")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Province_admins_act_in_their_province_only()
    {
        using var gd = await ClientAsync(app, Roles.ProvinceAdmin, "44");
        var own = await RegisterAsync(gd, Body(Seed.IdNumber(), "44.A"));
        (await gd.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber(), "45"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await AdminAsync(app);
        var other = await RegisterAsync(admin, Body(Seed.IdNumber(), "45"));
        (await gd.GetAsync($"/api/v1/supervisors/{own.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await gd.GetAsync($"/api/v1/supervisors/{other.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await gd.PatchAsJsonAsync($"/api/v1/supervisors/{other.Id()}", new { version = 1, name = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await gd.GetAsync("/api/v1/supervisors?pageSize=100&jurisdiction=45")).ReadJsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Institution_operators_manage_only_their_own_internal_supervisors()
    {
        var mine = await Seed.InstitutionAsync(app, "44");
        var theirs = await Seed.InstitutionAsync(app, "44");
        using var op = await UserAsync(app, Roles.InstitutionOperator, "44", institution: mine.Id);
        var own = await RegisterAsync(op, Body(Seed.IdNumber(), "44", institution: mine.Id));
        (await op.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber(), "44", institution: theirs.Id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await op.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber(), "44"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await AdminAsync(app);
        var external = await RegisterAsync(admin, Body(Seed.IdNumber(), "44"));
        var otherInternal = await RegisterAsync(admin, Body(Seed.IdNumber(), "44", institution: theirs.Id));
        (await op.GetAsync($"/api/v1/supervisors/{own.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await op.GetAsync($"/api/v1/supervisors/{external.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await op.GetAsync($"/api/v1/supervisors/{otherInternal.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await (await op.GetAsync("/api/v1/supervisors?pageSize=100")).ReadJsonAsync();
        list.GetProperty("items").EnumerateArray().Select(i => i.Id()).ShouldBe([own.Id()]);
    }

    [Fact]
    public async Task A_supervisor_reads_only_itself_and_auditors_only_read()
    {
        using var admin = await AdminAsync(app);
        var self = await RegisterAsync(admin, Body(Seed.IdNumber(), "44"));
        var other = await RegisterAsync(admin, Body(Seed.IdNumber(), "44"));
        using var me = await UserAsync(app, Roles.Supervisor, "44", supervisor: self.Id());
        (await me.GetAsync($"/api/v1/supervisors/{self.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await me.GetAsync($"/api/v1/supervisors/{other.Id()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await me.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var auditor = await ClientAsync(app, Roles.Auditor, "44");
        (await auditor.GetAsync($"/api/v1/supervisors/{other.Id()}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Kind_institution_and_phone_are_validated()
    {
        using var admin = await AdminAsync(app);
        var institution = await Seed.InstitutionAsync(app, "44");
        (await admin.PostAsJsonAsync("/api/v1/supervisors", new { name = "赵六", idNumber = Seed.IdNumber(), kind = "internal", jurisdiction = "44" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var external = await admin.PostAsJsonAsync("/api/v1/supervisors", new { name = "赵六", idNumber = Seed.IdNumber(), kind = "external", jurisdiction = "44", institutionId = institution.Id });
        external.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await external.Content.ReadAsStringAsync()).ShouldContain("institutionId");
        (await admin.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber(), "45", institution: institution.Id))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber(), "44", institution: Guid.NewGuid()))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.PostAsJsonAsync("/api/v1/supervisors", Body(Seed.IdNumber(), phone: "12345678901"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var landline = await RegisterAsync(admin, Body(Seed.IdNumber(), phone: "020-87654321"));
        landline.GetProperty("phone").GetString().ShouldBe("020*****4321");
    }

    [Fact]
    public async Task Patch_needs_the_current_version()
    {
        using var admin = await AdminAsync(app);
        var created = await RegisterAsync(admin, Body(Seed.IdNumber()));
        var version = created.GetProperty("version").GetUInt32();
        var institution = await Seed.InstitutionAsync(app, "44");
        var ok = await admin.PatchAsJsonAsync($"/api/v1/supervisors/{created.Id()}", new { version, name = "李四改", conflicts = new[] { new { institutionId = institution.Id, kind = "relative", note = "配偶任职" } } });
        var body = await ok.ReadJsonAsync();
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("name").GetString().ShouldBe("李四改");
        body.GetProperty("conflicts")[0].GetProperty("kind").GetString().ShouldBe("relative");
        body.GetProperty("version").GetUInt32().ShouldNotBe(version);
        (await admin.PatchAsJsonAsync($"/api/v1/supervisors/{created.Id()}", new { version, name = "过期" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PatchAsJsonAsync($"/api/v1/supervisors/{created.Id()}", new { version = body.GetProperty("version").GetUInt32(), phone = "abc" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/supervisors/{created.Id()}")).GetProperty("name").GetString().ShouldBe("李四改");
    }
}
