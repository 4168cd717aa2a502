using System.Net;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Supervision;

public sealed class FormsTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    [Fact]
    public async Task Forms_in_force_include_the_national_report_everywhere()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Supervisor, "44"));
        var json = await (await client.GetAsync("/api/v1/forms?jurisdiction=44")).ReadJsonAsync();
        var report = json.GetProperty("items").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "cn.report");
        report.GetProperty("citation").GetString().ShouldBe("CN 10");
        report.GetProperty("scope").GetString().ShouldBe("CN");
        report.GetProperty("title").GetProperty("zh").GetString().ShouldBe("技能人才评价质量督导情况报告");
    }

    [Fact]
    public async Task A_form_definition_keeps_source_numbers_stable_keys_and_option_sets()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        var form = (await (await client.GetAsync("/api/v1/forms/cn.report")).ReadJsonAsync()).GetProperty("form");
        form.GetProperty("version").GetInt32().ShouldBe(1);
        var items = form.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("items").EnumerateArray()).ToList();
        var order = items.Single(i => i.GetProperty("key").GetString() == "examination-order");
        order.GetProperty("number").GetString().ShouldBe("2.4");
        order.GetProperty("kind").GetString().ShouldBe("single-choice");
        order.GetProperty("optionSet").GetString().ShouldBe("compliance");
        form.GetProperty("optionSets").EnumerateArray().Select(o => o.GetProperty("key").GetString()).ShouldBe(["compliance", "rating"]);
        form.GetProperty("signatures")[0].GetProperty("key").GetString().ShouldBe("supervisor-signature");
    }

    [Fact]
    public async Task Unknown_form_or_version_is_404_problem()
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        var missing = await client.GetAsync("/api/v1/forms/cn.nothing");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/api/v1/forms/cn.report?version=9")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
