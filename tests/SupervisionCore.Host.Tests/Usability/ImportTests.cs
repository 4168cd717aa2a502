using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Data;
using SupervisionCore.Host.Infrastructure;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Registry;
using SupervisionCore.Kernel.Access;
using static SupervisionCore.Host.Tests.Usability.UsabilitySupport;

namespace SupervisionCore.Host.Tests.Usability;

public sealed class ImportTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    private static readonly string[] SupervisorHeaders = ["姓名", "公民身份号码", "类别", "辖区", "联系电话", "从事评价工作年限", "身体健康"];

    private async Task<int> SupervisorsInAsync(IEnumerable<string> idNumbers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var personal = scope.ServiceProvider.GetRequiredService<PersonalData>();
        var hashes = idNumbers.Select(personal.LookupHash).ToList();
        return await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().Supervisors.CountAsync(s => hashes.Contains(s.IdNumberHash));
    }

    private async Task<HttpClient> AdminAsync() => app.CreateClient(await app.AdminTokenAsync());

    [Fact]
    public async Task All_or_nothing_with_bad_rows_imports_nothing_and_names_row_and_column()
    {
        using var admin = await AdminAsync();
        string a = IdNumber(), b = IdNumber(), c = IdNumber();
        var file = Utf8(Csv(
            SupervisorHeaders,
            ["张一", a, "外督", "44", "13800138000", "5", "是"],
            ["张二", WrongCheck(b), "external", "44", "", "", ""],
            ["张三", c, "outsider", "44", "", "abc", "也许"],
            ["张四", a, "external", "44", "", "", ""]));

        var job = await ImportAsync(admin, file, "supervisors.csv", "supervisors", "all-or-nothing", "en");

        job.GetProperty("status").GetString().ShouldBe("failed");
        job.GetProperty("rowsTotal").GetInt32().ShouldBe(4);
        job.GetProperty("rowsImported").GetInt32().ShouldBe(0);
        var errors = job.Errors();
        errors.ShouldContain(e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "公民身份号码");
        errors.ShouldContain(e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "类别");
        errors.ShouldContain(e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "从事评价工作年限");
        errors.ShouldContain(e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "身体健康");
        // Row 5 repeats row 2's person in the same jurisdiction: a duplicate, found inside the same file.
        errors.ShouldContain(e => e.GetProperty("row").GetInt32() == 5 && e.GetProperty("column").GetString() == "公民身份号码"
            && e.GetProperty("message").GetString()!.Contains("already registered", StringComparison.Ordinal));
        errors.ShouldNotContain(e => e.GetProperty("row").GetInt32() == 2);
        job.GetProperty("message").GetString()!.ShouldContain("nothing imported");
        var text = job.GetRawText();
        text.ShouldNotContain(a[6..14]);
        text.ShouldNotContain(b[6..14]);
        (await SupervisorsInAsync([a, c])).ShouldBe(0);
    }

    [Fact]
    public async Task Valid_rows_only_imports_the_good_rows_and_reports_the_bad_ones()
    {
        using var admin = await AdminAsync();
        string a = IdNumber(), b = IdNumber(), c = IdNumber();
        var file = Xlsx(SupervisorHeaders,
            ["李一", a, "外督", "44", "13800138000", "5", "是"],
            ["李二", WrongCheck(b), "external", "44", "", "", ""],
            ["李三", c, "external", "44.A", "", "", ""],
            ["李四", a, "external", "44", "", "", ""]);

        var job = await ImportAsync(admin, file, "名册.xlsx", "supervisors", "valid-rows-only");

        job.GetProperty("status").GetString().ShouldBe("succeeded");
        job.GetProperty("rowsTotal").GetInt32().ShouldBe(4);
        job.GetProperty("rowsDone").GetInt32().ShouldBe(4);
        job.GetProperty("rowsImported").GetInt32().ShouldBe(2);
        var errors = job.Errors();
        errors.Select(e => e.GetProperty("row").GetInt32()).Distinct().Order().ShouldBe([3, 5]);
        errors.ShouldAllBe(e => e.GetProperty("column").GetString() == "公民身份号码");
        (await SupervisorsInAsync([a, c])).ShouldBe(2);

        // The same registration as POST /api/v1/supervisors: masked number, derived sex, audit entry.
        var list = await (await admin.GetAsync("/api/v1/supervisors?jurisdiction=44&limit=200")).ReadJsonAsync();
        list.GetRawText().ShouldContain(a[..6] + "********" + a[14..]);
        list.GetRawText().ShouldNotContain(a);
    }

    [Fact]
    public async Task An_import_does_not_depend_on_another_Host_of_the_same_process()
    {
        using var admin = await AdminAsync();
        // Another Host is built after this one and disposed: FastEndpoints' process-wide resolver now points at a disposed
        // provider (what a test process with many Hosts did to the import worker, leaving jobs "running").
        await using (var other = SupervisionApp.With(new Dictionary<string, string?>(), TestCluster.NewDatabase("importother")))
            (await other.AdminTokenAsync()).ShouldNotBeNullOrEmpty();
        var number = IdNumber();
        var file = Utf8(Csv(["name", "idNumber", "kind", "jurisdiction"], ["周一", number, "external", "44"]));

        var job = await ImportAsync(admin, file, "s.csv", "supervisors", "valid-rows-only");

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.ToString());
        job.GetProperty("rowsImported").GetInt32().ShouldBe(1);
        (await SupervisorsInAsync([number])).ShouldBe(1);
    }

    [Fact]
    public async Task Rows_outside_the_uploaders_jurisdiction_are_refused_by_the_same_scope_check()
    {
        var token = await app.TokenForAsync(Roles.ProvinceAdmin, "44");
        using var province = app.CreateClient(token);
        string inside = IdNumber(), outside = IdNumber("110105");
        var file = Utf8(Csv(["name", "idNumber", "kind", "jurisdiction"], ["王一", inside, "external", "44"], ["王二", outside, "external", "11"]));

        var job = await ImportAsync(province, file, "s.csv", "supervisors", "valid-rows-only", "en");

        job.GetProperty("rowsImported").GetInt32().ShouldBe(1);
        var error = job.Errors().ShouldHaveSingleItem();
        error.GetProperty("row").GetInt32().ShouldBe(3);
        error.GetProperty("column").GetString().ShouldBe("jurisdiction");
        (await SupervisorsInAsync([outside])).ShouldBe(0);
    }

    [Fact]
    public async Task Institutions_import_with_bad_rows_in_both_modes()
    {
        using var admin = await AdminAsync();
        string n1 = RegistryTestData.ProvinceFilingNumber(), n2 = RegistryTestData.ProvinceFilingNumber();
        string[] headers = ["机构名称", "类别", "备案编号", "备案层级", "辖区"];
        string[][] rows =
        [
            ["甲评价中心", "用人单位", n1, "省级", "44"],
            ["乙评价中心", "employer", "12", "province", "44"],
            ["丙评价中心", "social-org", n2, "省级", "99"],
            ["丁评价中心", "employer", n1, "province", "44"],
        ];

        var strict = await ImportAsync(admin, Xlsx(headers, rows), "i.xlsx", "institutions", "all-or-nothing");
        strict.GetProperty("status").GetString().ShouldBe("failed");
        strict.GetProperty("rowsImported").GetInt32().ShouldBe(0);
        strict.Errors().ShouldContain(e => e.GetProperty("row").GetInt32() == 3 && e.GetProperty("column").GetString() == "备案编号");
        strict.Errors().ShouldContain(e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("column").GetString() == "辖区");
        strict.Errors().ShouldContain(e => e.GetProperty("row").GetInt32() == 5 && e.GetProperty("column").GetString() == "备案编号");
        await using (var scope = app.Services.CreateAsyncScope())
            (await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().Institutions.CountAsync(i => i.FilingNumber == n1)).ShouldBe(0);

        var lenient = await ImportAsync(admin, Utf8(Csv([headers, .. rows])), "i.csv", "institutions", "valid-rows-only");
        lenient.GetProperty("status").GetString().ShouldBe("succeeded");
        lenient.GetProperty("rowsImported").GetInt32().ShouldBe(1);
        lenient.Errors().Select(e => e.GetProperty("row").GetInt32()).Distinct().Order().ShouldBe([3, 4, 5]);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var institution = await scope.ServiceProvider.GetRequiredService<SupervisionDbContext>().Institutions.SingleAsync(i => i.FilingNumber == n1);
            institution.Kind.ShouldBe("employer");
            institution.FilingLevel.ShouldBe("province");
        }
    }

    [Fact]
    public async Task Internal_supervisors_name_their_institution_by_filing_number()
    {
        using var admin = await AdminAsync();
        var number = RegistryTestData.ProvinceFilingNumber();
        (await admin.PostJsonAsync("/api/v1/institutions", RegistryTestData.NewInstitution("44", number: number))).StatusCode.ShouldBe(HttpStatusCode.Created);
        string a = IdNumber(), b = IdNumber();
        var file = Utf8(Csv(["姓名", "公民身份号码", "类别", "辖区", "所属评价机构备案编号"],
            ["内一", a, "内督", "44", number], ["内二", b, "内督", "44", "000000"]));

        var job = await ImportAsync(admin, file, "internal.csv", "supervisors", "valid-rows-only", "en");

        job.GetProperty("rowsImported").GetInt32().ShouldBe(1);
        var error = job.Errors().ShouldHaveSingleItem();
        error.GetProperty("column").GetString().ShouldBe("所属评价机构备案编号");
        error.GetProperty("message").GetString()!.ShouldContain("filing number");
    }

    [Fact]
    public async Task A_file_without_a_required_column_or_not_a_spreadsheet_fails_with_a_message()
    {
        using var admin = await AdminAsync();
        var missing = await ImportAsync(admin, Utf8(Csv(["姓名", "类别"], ["赵一", "external"])), "m.csv", "supervisors", "all-or-nothing");
        missing.GetProperty("status").GetString().ShouldBe("failed");
        missing.GetProperty("message").GetString()!.ShouldContain("公民身份号码");

        var garbage = await ImportAsync(admin, Utf8("this is not a zip"), "g.xlsx", "supervisors", "all-or-nothing", "en");
        garbage.GetProperty("status").GetString().ShouldBe("failed");
        garbage.GetProperty("message").GetString()!.ShouldContain("cannot be read");
    }

    [Theory]
    [InlineData("people", "all-or-nothing", "s.csv", "type")]
    [InlineData("supervisors", "some", "s.csv", "mode")]
    [InlineData("supervisors", "all-or-nothing", "s.txt", "file")]
    public async Task Bad_requests_are_400_naming_the_field(string type, string mode, string fileName, string field)
    {
        using var admin = await AdminAsync();
        var response = await UploadAsync(admin, Utf8("a,b\r\n1,2\r\n"), fileName, type, mode);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).NamesField(field).ShouldBeTrue();
    }

    [Fact]
    public async Task A_json_body_instead_of_a_file_is_400_naming_file()
    {
        using var admin = await AdminAsync();
        var response = await admin.PostJsonAsync("/api/v1/imports", new { type = "supervisors", mode = "all-or-nothing" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).NamesField("file").ShouldBeTrue();
    }

    [Fact]
    public async Task Another_callers_job_is_not_found_and_operators_cannot_import_institutions()
    {
        using var admin = await AdminAsync();
        var response = await UploadAsync(admin, Utf8(Csv(["姓名"], ["x"])), "x.csv", "supervisors", "all-or-nothing");
        var id = (await response.ReadJsonAsync()).GetProperty("id").GetString();
        using var other = app.CreateClient(await app.TokenForAsync(Roles.CenterOperator, "44"));
        (await other.GetAsync($"/api/v1/imports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var operatorClient = app.CreateClient(await app.TokenForAsync(Roles.InstitutionOperator, "44", institutionId: Guid.NewGuid()));
        (await UploadAsync(operatorClient, Utf8("a\r\n"), "x.csv", "institutions", "all-or-nothing")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("supervisors", "xlsx")]
    [InlineData("supervisors", "csv")]
    [InlineData("institutions", "xlsx")]
    [InlineData("institutions", "csv")]
    public async Task Templates_open_with_the_columns_and_import_back(string type, string format)
    {
        using var admin = await AdminAsync();
        var response = await admin.GetAsync($"/api/v1/imports/templates/{type}.{format}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var headers = format == "csv" ? ReadCsv(bytes)[0] : [.. ReadXlsx(bytes)[0].Keys];
        headers.ShouldContain(type == "supervisors" ? "公民身份号码" : "备案编号");
        headers.ShouldContain("辖区");
        (await admin.GetAsync($"/api/v1/imports/templates/{type}.pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("supervisors", "xlsx", "valid-rows-only")]
    [InlineData("supervisors", "csv", "all-or-nothing")]
    [InlineData("institutions", "xlsx", "all-or-nothing")]
    [InlineData("institutions", "csv", "valid-rows-only")]
    public async Task The_untouched_template_imports_nothing_its_example_row_is_marked_and_skipped(string type, string format, string mode)
    {
        using var admin = await AdminAsync();
        var template = await (await admin.GetAsync($"/api/v1/imports/templates/{type}.{format}")).Content.ReadAsByteArrayAsync();
        if (format == "csv")
        {
            var rows = ReadCsv(template);
            rows[0][0].TrimStart('\uFEFF').ShouldBe("示例");
            rows.Count.ShouldBe(2);
            rows[1][0].ShouldBe("示例（此行不导入）");
        }
        else
        {
            var example = ReadXlsx(template).ShouldHaveSingleItem();
            example.Keys.First().ShouldBe("示例");
            example["示例"]!.ToString().ShouldBe("示例（此行不导入）");
        }

        var job = await ImportAsync(admin, template, $"{type}-template.{format}", type, mode, "zh-CN");

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.GetRawText());
        job.GetProperty("rowsTotal").GetInt32().ShouldBe(0);
        job.GetProperty("rowsImported").GetInt32().ShouldBe(0);
        job.Errors().ShouldBeEmpty();
        job.GetProperty("message").GetString()!.ShouldContain("跳过 1 行示例");
    }

    [Fact]
    public async Task The_template_filled_in_with_the_example_cell_left_empty_imports_its_rows()
    {
        using var admin = await AdminAsync();
        var rows = ReadCsv(await (await admin.GetAsync("/api/v1/imports/templates/supervisors.csv")).Content.ReadAsByteArrayAsync());
        var headers = rows[0];
        headers[0] = headers[0].TrimStart('\uFEFF');
        string id = IdNumber(), marked = IdNumber();
        var mine = (string[])rows[1].Clone();
        mine[0] = "";
        mine[Array.IndexOf(headers, "公民身份号码")] = id;
        var stillMarked = (string[])rows[1].Clone();
        stillMarked[Array.IndexOf(headers, "公民身份号码")] = marked;

        var job = await ImportAsync(admin, Utf8(Csv(headers, mine, stillMarked)), "名册.csv", "supervisors", "all-or-nothing", "en");

        job.GetProperty("status").GetString().ShouldBe("succeeded", job.GetRawText());
        job.GetProperty("rowsImported").GetInt32().ShouldBe(1);
        job.GetProperty("message").GetString()!.ShouldContain("1 example rows skipped");
        (await SupervisorsInAsync([id])).ShouldBe(1);
        (await SupervisorsInAsync([marked])).ShouldBe(0);
    }
}
