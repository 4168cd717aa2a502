using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Registry.RegistryTestData;

namespace SupervisionCore.Host.Tests.Registry;

public sealed class InstitutionsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private async Task<HttpClient> As(string role, string jurisdiction) => app.CreateClient(await app.TokenForAsync(role, jurisdiction));

    private async Task<HttpClient> Admin() => app.CreateClient(await app.AdminTokenAsync());

    private static async Task<JsonElement> CreatedAsync(HttpClient client, object body)
    {
        var response = await client.PostJsonAsync("/api/v1/institutions", body);
        var json = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json;
    }

    [Theory]
    [InlineData("Mohrss_employer_4_digits_gets_00_prefix", "employer", "mohrss", "0123", "000123")]
    [InlineData("Mohrss_social_org_4_digits_gets_00_prefix", "social-org", "mohrss", "2001", "002001")]
    [InlineData("Mohrss_industry_department_keeps_its_6_digit_code", "industry", "mohrss", "310001", "310001")]
    [InlineData("Province_employer_6_digit_serial", "employer", "province", "440123", "440123")]
    [InlineData("Province_social_org_6_digit_serial", "social-org", "province", "530007", "530007")]
    public async Task Internal_card_issuer_code_is_derived_from_the_filing(string name, string kind, string level, string number, string code)
    {
        using var admin = await Admin();
        var created = await CreatedAsync(admin, NewInstitution(name: name, kind: kind, level: level, number: number));
        created.GetProperty("internalIssuerCode").GetString().ShouldBe(code, name);
        created.GetProperty("status").GetString().ShouldBe("active");
        created.GetProperty("filingNumber").GetString().ShouldBe(number);
    }

    [Theory]
    [InlineData("Mohrss_5_digits", "employer", "mohrss", "12345", "filingNumber")]
    [InlineData("Mohrss_6_digits_for_employer", "employer", "mohrss", "123456", "filingNumber")]
    [InlineData("Mohrss_3_digits", "social-org", "mohrss", "123", "filingNumber")]
    [InlineData("Mohrss_letters", "employer", "mohrss", "12a4", "filingNumber")]
    [InlineData("Mohrss_all_zeros", "employer", "mohrss", "0000", "filingNumber")]
    [InlineData("Industry_mohrss_4_digits", "industry", "mohrss", "3100", "filingNumber")]
    [InlineData("Province_4_digits", "employer", "province", "4401", "filingNumber")]
    [InlineData("Province_7_digits", "employer", "province", "4401234", "filingNumber")]
    [InlineData("Province_all_zeros", "social-org", "province", "000000", "filingNumber")]
    [InlineData("Province_with_space", "employer", "province", "44012 ", "filingNumber")]
    [InlineData("Industry_is_never_province_filed", "industry", "province", "440001", "filingLevel")]
    [InlineData("Unknown_level", "employer", "city", "440001", "filingLevel")]
    [InlineData("Unknown_kind", "school", "province", "440001", "kind")]
    public async Task Wrong_filing_shapes_are_400_naming_the_field_and_change_nothing(string name, string kind, string level, string number, string field)
    {
        using var admin = await Admin();
        var before = await AuditCountAsync(app);
        var response = await admin.PostJsonAsync("/api/v1/institutions", NewInstitution(name: name, kind: kind, level: level, number: number));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, name);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.NamesField(field).ShouldBeTrue($"{name}: {problem}");
        (await AuditCountAsync(app)).ShouldBe(before);
        var found = await (await admin.GetAsync($"/api/v1/institutions?name={name}")).ReadJsonAsync();
        found.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Other_bad_input_is_400_naming_each_field()
    {
        using var admin = await Admin();
        var response = await admin.PostJsonAsync("/api/v1/institutions", new { name = "", kind = "employer", filingNumber = "440001", filingLevel = "province", jurisdiction = "Guangdong" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem.NamesField("name").ShouldBeTrue(problem.ToString());
        problem.NamesField("jurisdiction").ShouldBeTrue(problem.ToString());

        foreach (var (method, url) in new[] { ("GET", "/api/v1/institutions/not-a-guid"), ("PATCH", "/api/v1/institutions/not-a-guid"), ("GET", "/api/v1/institutions/not-a-guid/sanctions"), ("POST", "/api/v1/institutions/not-a-guid/sanctions") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method switch
            {
                "PATCH" => JsonContent.Create(new { version = 1 }),
                "POST" => JsonContent.Create(new { step = "disqualification", ground = "fraud", seriousJustification = "情节严重" }),
                _ => null,
            } };
            var malformed = await admin.SendAsync(request);
            malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{method} {url}");
            (await malformed.ReadJsonAsync()).NamesField("id").ShouldBeTrue($"{method} {url}");
        }

        var unknownNode = await admin.PostJsonAsync("/api/v1/institutions", NewInstitution(jurisdiction: "44.ZZ"));
        unknownNode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknownNode.ReadJsonAsync()).NamesField("jurisdiction").ShouldBeTrue();
    }

    [Fact]
    public async Task Duplicate_filing_level_and_number_is_409_and_changes_nothing_but_the_same_number_at_the_other_level_is_allowed()
    {
        using var admin = await Admin();
        var number = ProvinceFilingNumber();
        await CreatedAsync(admin, NewInstitution(number: number));
        var before = await AuditCountAsync(app);
        var dup = await admin.PostJsonAsync("/api/v1/institutions", NewInstitution(jurisdiction: "53", number: number));
        dup.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        dup.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await AuditCountAsync(app)).ShouldBe(before);
        var list = await (await admin.GetAsync($"/api/v1/institutions?filingNumber={number}")).ReadJsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(1);

        // An industry department filed with MOHRSS may carry the same six digits: another register.
        await CreatedAsync(admin, NewInstitution(kind: "industry", level: "mohrss", number: number));
    }

    [Theory]
    [InlineData(Roles.NationalAdmin, "CN", "53", HttpStatusCode.Created)]
    [InlineData(Roles.ProvinceAdmin, "44", "44", HttpStatusCode.Created)]
    [InlineData(Roles.ProvinceAdmin, "44", "44.A", HttpStatusCode.Created)]
    [InlineData(Roles.ProvinceAdmin, "44", "53", HttpStatusCode.Forbidden)]
    [InlineData(Roles.CenterOperator, "44.A", "44.A", HttpStatusCode.Created)]
    [InlineData(Roles.CenterOperator, "44.A", "44", HttpStatusCode.Forbidden)]
    [InlineData(Roles.CenterOperator, "44.A", "44.B", HttpStatusCode.Forbidden)]
    [InlineData(Roles.InstitutionOperator, "44", "44", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Supervisor, "44", "44", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Auditor, "44", "44", HttpStatusCode.Forbidden)]
    public async Task Who_may_register_an_institution_where(string role, string own, string target, HttpStatusCode expected)
    {
        using var client = await As(role, own);
        var before = await AuditCountAsync(app);
        var response = await client.PostJsonAsync("/api/v1/institutions", NewInstitution(jurisdiction: target));
        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Created)
        {
            var created = await response.ReadJsonAsync();
            var id = created.GetProperty("id").GetString()!;
            response.Headers.Location!.ToString().ShouldBe($"/api/v1/institutions/{id}");
            created.GetProperty("jurisdiction").GetString().ShouldBe(target);
            var audit = (await AuditOfAsync(app, id)).Single();
            audit.GetProperty("action").GetString().ShouldBe("institution.create");
            audit.GetProperty("jurisdiction").GetString().ShouldBe(target);
            audit.GetProperty("rules").EnumerateArray().Select(r => r.GetString()).ShouldContain("cn.card.internal-format");
        }
        else (await AuditCountAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task Reading_is_scoped_to_the_subtree_and_an_institution_operator_sees_only_its_own()
    {
        var tag = "范围" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await Admin();
        var gd = (await CreatedAsync(admin, NewInstitution("44", tag + " 省直"))).GetProperty("id").GetString()!;
        var gz = (await CreatedAsync(admin, NewInstitution("44.A", tag + " 广州"))).GetProperty("id").GetString()!;
        var sz = (await CreatedAsync(admin, NewInstitution("44.B", tag + " 深圳"))).GetProperty("id").GetString()!;
        var yn = (await CreatedAsync(admin, NewInstitution("53", tag + " 云南"))).GetProperty("id").GetString()!;

        async Task<string[]> Listed(HttpClient c)
        {
            var response = await c.GetAsync($"/api/v1/institutions?name={Uri.EscapeDataString(tag)}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order()];
        }

        (await Listed(admin)).ShouldBe(new[] { gd, gz, sz, yn }.Order().ToArray());
        using (var province = await As(Roles.ProvinceAdmin, "44"))
        {
            (await Listed(province)).ShouldBe(new[] { gd, gz, sz }.Order().ToArray());
            (await province.GetAsync($"/api/v1/institutions/{gz}")).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await province.GetAsync($"/api/v1/institutions/{yn}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var otherProvince = await As(Roles.ProvinceAdmin, "53"))
        {
            (await Listed(otherProvince)).ShouldBe([yn]);
            (await otherProvince.GetAsync($"/api/v1/institutions/{gd}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var centre = await As(Roles.CenterOperator, "44.A"))
        {
            (await Listed(centre)).ShouldBe([gz]);
            (await centre.GetAsync($"/api/v1/institutions/{sz}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var auditor = await As(Roles.Auditor, "44"))
            (await Listed(auditor)).ShouldBe(new[] { gd, gz, sz }.Order().ToArray());
        using (var supervisor = await As(Roles.Supervisor, "44"))
        {
            (await supervisor.GetAsync("/api/v1/institutions")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await supervisor.GetAsync($"/api/v1/institutions/{gd}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        using (var operatorOfGz = app.CreateClient(await app.UserTokenAsync(Roles.InstitutionOperator, "44.A", Guid.Parse(gz))))
        {
            (await Listed(operatorOfGz)).ShouldBe([gz]);
            var own = await operatorOfGz.GetAsync($"/api/v1/institutions/{gz}");
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await own.ReadJsonAsync()).GetProperty("name").GetString().ShouldBe(tag + " 广州");
            (await operatorOfGz.GetAsync($"/api/v1/institutions/{gd}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await operatorOfGz.GetAsync($"/api/v1/institutions/{yn}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await operatorOfGz.PatchJsonAsync($"/api/v1/institutions/{gz}", new { name = "自改", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
        // An institution operator without an institution claim sees nothing.
        using (var unbound = await As(Roles.InstitutionOperator, "44"))
            (await Listed(unbound)).ShouldBeEmpty();
        (await app.CreateClient().GetAsync("/api/v1/institutions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Search_filters_combine_and_page()
    {
        var tag = "检索" + Guid.NewGuid().ToString("N")[..6];
        using var admin = await Admin();
        var number = ProvinceFilingNumber();
        await CreatedAsync(admin, NewInstitution("44", tag + " 甲", "employer", number: number));
        await CreatedAsync(admin, NewInstitution("44.A", tag + " 乙", "social-org"));
        await CreatedAsync(admin, NewInstitution("53", tag + " 丙", "industry", "mohrss", "5" + ProvinceFilingNumber()[1..]));
        await CreatedAsync(admin, NewInstitution("53", tag + " 丁", "social-org", "mohrss"));

        async Task<JsonElement> Search(string query) => await (await admin.GetAsync($"/api/v1/institutions?name={Uri.EscapeDataString(tag)}&{query}")).ReadJsonAsync();
        string[] Names(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!)];

        Names(await Search("kind=social-org")).ShouldBe([tag + " 丁", tag + " 乙"], ignoreOrder: true);
        Names(await Search("jurisdiction=44")).ShouldBe([tag + " 甲", tag + " 乙"], ignoreOrder: true);
        Names(await Search("jurisdiction=44.A")).ShouldBe([tag + " 乙"]);
        Names(await Search("filingLevel=mohrss&kind=industry")).ShouldBe([tag + " 丙"]);
        Names(await Search($"filingNumber={number}")).ShouldBe([tag + " 甲"]);
        Names(await Search("status=active")).Length.ShouldBe(4);
        Names(await Search("status=disqualified")).ShouldBeEmpty();
        // Case-insensitive "contains" and LIKE wildcards taken literally.
        (await (await admin.GetAsync($"/api/v1/institutions?name={Uri.EscapeDataString(tag[2..].ToUpperInvariant())}")).ReadJsonAsync()).GetProperty("total").GetInt32().ShouldBe(4);
        (await (await admin.GetAsync("/api/v1/institutions?name=%25")).ReadJsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);

        var first = await Search("pageSize=3&page=1");
        first.GetProperty("total").GetInt32().ShouldBe(4);
        first.GetProperty("pageSize").GetInt32().ShouldBe(3);
        Names(first).Length.ShouldBe(3);
        var second = await Search("pageSize=3&page=2");
        Names(second).Length.ShouldBe(1);
        Names(first).Concat(Names(second)).Distinct().Count().ShouldBe(4);

        foreach (var bad in new[] { "pageSize=101", "page=0", "kind=school", "status=closed", "jurisdiction=Guangdong", "filingLevel=city" })
        {
            var response = await admin.GetAsync($"/api/v1/institutions?{bad}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            var problem = await response.ReadJsonAsync();
            problem.NamesField(bad.Split('=')[0]).ShouldBeTrue($"{bad}: {problem}");
        }
    }

    [Fact]
    public async Task Patch_changes_the_editable_fields_with_the_current_version_and_is_audited()
    {
        using var province = await As(Roles.ProvinceAdmin, "44");
        var created = await CreatedAsync(province, NewInstitution("44", level: "province"));
        var id = created.GetProperty("id").GetString()!;
        var version = created.GetProperty("version").GetUInt32();
        var newNumber = MinistryFilingNumber();

        var response = await province.PatchJsonAsync($"/api/v1/institutions/{id}", new { name = "新名称评价机构", filingLevel = "mohrss", filingNumber = newNumber, jurisdiction = "44.A", version });
        var patched = await response.ReadJsonAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, patched.ToString());
        patched.GetProperty("name").GetString().ShouldBe("新名称评价机构");
        patched.GetProperty("jurisdiction").GetString().ShouldBe("44.A");
        patched.GetProperty("internalIssuerCode").GetString().ShouldBe("00" + newNumber);
        patched.GetProperty("version").GetUInt32().ShouldNotBe(version);
        response.Headers.ETag!.Tag.ShouldBe($"\"{patched.GetProperty("version").GetUInt32()}\"");

        var read = await (await province.GetAsync($"/api/v1/institutions/{id}")).ReadJsonAsync();
        read.GetProperty("version").GetUInt32().ShouldBe(patched.GetProperty("version").GetUInt32());
        read.GetProperty("filingLevel").GetString().ShouldBe("mohrss");

        var audit = await AuditOfAsync(app, id);
        audit.Select(e => e.GetProperty("action").GetString()).ShouldBe(["institution.create", "institution.update"]);
        var update = audit[1];
        update.GetProperty("detail").GetString()!.ShouldContain("jurisdiction 44→44.A");
        update.GetProperty("beforeDigest").GetString().ShouldNotBe(update.GetProperty("afterDigest").GetString());
    }

    [Fact]
    public async Task A_stale_version_is_409_by_body_or_If_Match_and_changes_nothing()
    {
        using var admin = await Admin();
        var created = await CreatedAsync(admin, NewInstitution());
        var id = created.GetProperty("id").GetString()!;
        var v1 = created.GetProperty("version").GetUInt32();

        // If-Match with the ETag works.
        using var withHeader = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/institutions/{id}") { Content = JsonContent.Create(new { name = "第一次修改" }) };
        withHeader.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v1}\""));
        var first = await admin.SendAsync(withHeader);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var v2 = (await first.ReadJsonAsync()).GetProperty("version").GetUInt32();

        var before = await AuditCountAsync(app);
        var staleBody = await admin.PatchJsonAsync($"/api/v1/institutions/{id}", new { name = "迟到的修改", version = v1 });
        staleBody.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        staleBody.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var staleHeader = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/institutions/{id}") { Content = JsonContent.Create(new { name = "迟到的修改" }) };
        staleHeader.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v1}\""));
        (await admin.SendAsync(staleHeader)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var missing = await admin.PatchJsonAsync($"/api/v1/institutions/{id}", new { name = "没有版本" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var missingProblem = await missing.ReadJsonAsync();
        missingProblem.NamesField("version").ShouldBeTrue(missingProblem.ToString());

        (await AuditCountAsync(app)).ShouldBe(before);
        var now = await (await admin.GetAsync($"/api/v1/institutions/{id}")).ReadJsonAsync();
        now.GetProperty("name").GetString().ShouldBe("第一次修改");
        now.GetProperty("version").GetUInt32().ShouldBe(v2);
    }

    [Fact]
    public async Task Status_and_kind_cannot_be_mass_assigned()
    {
        using var admin = await Admin();
        var created = await CreatedAsync(admin, NewInstitution());
        var id = created.GetProperty("id").GetString()!;
        var version = created.GetProperty("version").GetUInt32();
        var before = await AuditCountAsync(app);

        var response = await admin.PatchJsonAsync($"/api/v1/institutions/{id}", new { name = "换个名字", status = "active", kind = "industry", version });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadJsonAsync();
        problem.NamesField("status").ShouldBeTrue(problem.ToString());
        problem.ReasonFor("status").ShouldContain("cn.sanction.institution-ladder");
        problem.NamesField("kind").ShouldBeTrue(problem.ToString());

        // Creating one with a status does not set it either: the schema has no status, the row starts active.
        var withStatus = await admin.PostJsonAsync("/api/v1/institutions", new
        {
            name = "带状态的登记", kind = "employer", filingNumber = ProvinceFilingNumber(), filingLevel = "province", jurisdiction = "44", status = "disqualified",
        });
        (await withStatus.ReadJsonAsync()).GetProperty("status").GetString().ShouldBe("active");

        var now = await (await admin.GetAsync($"/api/v1/institutions/{id}")).ReadJsonAsync();
        now.GetProperty("name").GetString().ShouldBe(created.GetProperty("name").GetString());
        now.GetProperty("status").GetString().ShouldBe("active");
        now.GetProperty("version").GetUInt32().ShouldBe(version);
        (await AuditCountAsync(app)).ShouldBe(before + 1); // only the second registration
    }

    [Fact]
    public async Task Patch_is_refused_outside_the_subtree_for_bad_filings_and_for_duplicates()
    {
        using var admin = await Admin();
        var gd = await CreatedAsync(admin, NewInstitution("44.A"));
        var gdId = gd.GetProperty("id").GetString()!;
        var v = gd.GetProperty("version").GetUInt32();
        var yn = await CreatedAsync(admin, NewInstitution("53"));
        var taken = yn.GetProperty("filingNumber").GetString()!;
        var before = await AuditCountAsync(app);

        using (var province = await As(Roles.ProvinceAdmin, "44"))
        {
            (await province.PatchJsonAsync($"/api/v1/institutions/{yn.GetProperty("id").GetString()}", new { name = "x", version = yn.GetProperty("version").GetUInt32() }))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await province.PatchJsonAsync($"/api/v1/institutions/{gdId}", new { jurisdiction = "53", version = v })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            var shape = await province.PatchJsonAsync($"/api/v1/institutions/{gdId}", new { filingLevel = "mohrss", version = v });
            shape.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // a 6-digit provincial number is not a 4-digit MOHRSS code
            var shapeProblem = await shape.ReadJsonAsync();
            shapeProblem.NamesField("filingNumber").ShouldBeTrue(shapeProblem.ToString());
            (await province.PatchJsonAsync($"/api/v1/institutions/{gdId}", new { filingNumber = taken, version = v })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await province.PatchJsonAsync($"/api/v1/institutions/{Guid.NewGuid()}", new { name = "x", version = 1 })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        using (var centre = await As(Roles.CenterOperator, "44.A"))
            (await centre.PatchJsonAsync($"/api/v1/institutions/{gdId}", new { jurisdiction = "44", version = v })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var auditor = await As(Roles.Auditor, "44"))
            (await auditor.PatchJsonAsync($"/api/v1/institutions/{gdId}", new { name = "x", version = v })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        (await AuditCountAsync(app)).ShouldBe(before);
        var now = await (await admin.GetAsync($"/api/v1/institutions/{gdId}")).ReadJsonAsync();
        now.GetProperty("jurisdiction").GetString().ShouldBe("44.A");
        now.GetProperty("version").GetUInt32().ShouldBe(v);

        using var centreA = await As(Roles.CenterOperator, "44.A");
        var ok = await centreA.PatchJsonAsync($"/api/v1/institutions/{gdId}", new { name = "广州某评价机构", version = v });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
