using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using SupervisionCore.Host.Plugins;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Host.Tests.Usability;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Access;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Plugins.Testing;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// A pack's 400s are in the request's language like the Host's (zh-CN by default, en on request): every message of a
/// pack's own is given in both languages with <see cref="PackValidation"/> (the Host's translation table is the Host's
/// alone), for validators (<c>WithMessage(zh, en)</c>) and for the endpoints' own checks
/// (<c>AddError</c>/<c>ThrowError</c> of <c>PackValidation.Failure</c>).
/// </summary>
public sealed partial class PackValidationLanguageTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    /// <summary>
    /// Every message of every validator of every bundled pack is in both languages: a custom message carries its
    /// <see cref="LocalizedText"/> pair (Chinese text with Chinese characters, English without), FluentValidation's own
    /// messages differ by language.
    /// </summary>
    [Fact]
    public void Every_validator_message_of_every_pack_is_given_in_Chinese_and_English()
    {
        var packs = app.Services.GetRequiredService<PackCatalog>().Packs;
        packs.Select(p => p.Manifest.Id).ShouldBe(["bj-etdz", "gd", "yn"], ignoreOrder: true);
        using var scope = app.Services.CreateScope();
        var previous = CultureInfo.CurrentUICulture;
        var problems = new SortedSet<string>(StringComparer.Ordinal);
        var pairs = 0;
        try
        {
            foreach (var pack in packs)
            {
                var validators = pack.Assembly.GetTypes()
                    .Where(t => !t.IsAbstract && !t.ContainsGenericParameters && typeof(IValidator).IsAssignableFrom(t)).ToList();
                validators.ShouldNotBeEmpty(pack.Manifest.Id);
                foreach (var type in validators)
                    pairs += ValidationMessages.Inspect(pack.Manifest.Id + ": " + type.FullName, (IValidator)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type), problems);
            }
        }
        finally { CultureInfo.CurrentUICulture = previous; }
        pairs.ShouldBeGreaterThan(50); // the packs' own messages (each with its pair), counted where they are
        problems.ShouldBeEmpty("pack validator messages not given in both languages (WithMessage(zh, en) of SupervisionCore.Plugins.AspNetCore.PackValidation):\n" + string.Join("\n", problems));
    }

    /// <summary>
    /// An endpoint's own checks give both languages: <c>AddError</c>, <c>ThrowError</c> and a custom rule's
    /// <c>AddFailure</c> in a pack (or the template) take a <c>PackValidation.Failure</c>, never a bare message or a
    /// <c>new ValidationFailure</c>.
    /// </summary>
    [Fact]
    public void Endpoints_of_the_packs_add_errors_only_in_both_languages()
    {
        PlainError().IsMatch("""ThrowError(r => r.InstitutionId, "institutionId is required");""").ShouldBeTrue(); // the test finds what it looks for
        PlainError().IsMatch("""AddError(new ValidationFailure("x", "y"));""").ShouldBeTrue();
        PlainError().IsMatch("""AddError(PackValidation.Failure("x", "某", "y")); ThrowIfAnyErrors();""").ShouldBeFalse();

        var root = Tooling.RepoRoot();
        var found = new List<string>();
        foreach (var folder in new[] { "plugins", "templates" })
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                             && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (PlainError().IsMatch(lines[i]))
                        found.Add($"{Path.GetRelativePath(root, file).Replace('\\', '/')}:{i + 1}: {lines[i].Trim()}");
            }
        found.ShouldBeEmpty("a pack adds a validation error without its Chinese and English texts (use PackValidation.Failure(field, zh, en)):\n" + string.Join("\n", found));
    }

    /// <summary>An error added without <c>PackValidation.Failure</c>, or a failure made by hand.</summary>
    [GeneratedRegex(@"\b(?:AddError|ThrowError|AddFailure)\((?!\s*PackValidation\.Failure\()|new ValidationFailure\(", RegexOptions.CultureInvariant)]
    private static partial Regex PlainError();

    /// <summary>Bad input to an endpoint of each pack (validators, and an endpoint's own AddError/ThrowError).</summary>
    public static TheoryData<string, string> Requests() => new()
    {
        { "gd measures: unknown status", "zh-CN" }, { "gd measures: unknown status", "en" },
        { "bj-etdz fee quote: exit before entry", "zh-CN" }, { "bj-etdz fee quote: exit before entry", "en" },
        { "bj-etdz venue: an administrator names no institution (ThrowError)", "zh-CN" }, { "bj-etdz venue: an administrator names no institution (ThrowError)", "en" },
        { "yn eligibility: examinerYears out of range", "zh-CN" }, { "yn eligibility: examinerYears out of range", "en" },
        { "yn learning session: a centre names neither institution nor jurisdiction (AddError)", "zh-CN" }, { "yn learning session: a centre names neither institution nor jurisdiction (AddError)", "en" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task A_pack_endpoint_names_each_bad_field_in_the_request_language(string what, string language)
    {
        var (token, request, expected) = what switch
        {
            "gd measures: unknown status" => (await app.TokenForAsync(Roles.CenterOperator, "44"),
                new HttpRequestMessage(HttpMethod.Get, "/api/v1/regions/gd/measures?status=pending"),
                new Dictionary<string, string> { ["status"] = language == "en" ? "'status' must be one of open, rectification-submitted, closed" : "'status' 应为以下之一：open、rectification-submitted、closed" }),
            "bj-etdz fee quote: exit before entry" => (await app.TokenForAsync(Roles.CenterOperator, "11.ETDZ"),
                Post("/api/v1/regions/bj-etdz/fees/quote", new { entry = "2025-06-01T12:00:00+08:00", exit = "2025-06-01T08:00:00+08:00" }),
                new Dictionary<string, string> { ["exit"] = language == "en" ? "exit must be after entry" : "exit（离场时间）应晚于 entry（进场时间）" }),
            "bj-etdz venue: an administrator names no institution (ThrowError)" => (await app.TokenForAsync(Roles.CenterOperator, "11.ETDZ"),
                Post("/api/v1/regions/bj-etdz/venues", new
                {
                    name = "一号实训楼", address = "北京经济技术开发区科创十三街 1 号",
                    occupations = new[] { new { occupation = "电工", level = "三级" } },
                    equipment = new[] { new { name = "低压配电实训台", model = "DY-3", spec = "380V", quantity = 10 } },
                }),
                new Dictionary<string, string> { ["institutionId"] = language == "en" ? "institutionId is required for an administrator" : "管理员备案场地须填写 institutionId（评价机构）" }),
            "yn eligibility: examinerYears out of range" => (await app.TokenForAsync(Roles.CenterOperator, "53"),
                Post("/api/v1/regions/yn/eligibility/checks", new { examinerYears = 99 }),
                new Dictionary<string, string> { ["examinerYears"] = language == "en" ? "examinerYears must be between 0 and 80" : "examinerYears 应为 0 到 80 之间的整数" }),
            "yn learning session: a centre names neither institution nor jurisdiction (AddError)" => (await app.TokenForAsync(Roles.CenterOperator, "53"),
                Post("/api/v1/regions/yn/learning-sessions", new { year = 2025, heldOn = "2025-06-10", content = "业务学习" }),
                new Dictionary<string, string>
                {
                    ["institutionId"] = language == "en" ? "'institutionId' is required" : "须填写 'institutionId'（评价机构）",
                    ["jurisdiction"] = language == "en" ? "'jurisdiction' is required" : "须填写 'jurisdiction'（辖区）",
                }),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, null),
        };
        using var client = app.CreateClient(token);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("title").GetString().ShouldBe(language == "en" ? "One or more validation errors occurred." : "请求参数验证失败");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("name").GetString()}: {e.GetProperty("reason").GetString()}").Order(StringComparer.Ordinal).ToList();
        errors.ShouldBe([.. expected.Select(e => $"{e.Key}: {e.Value}").Order(StringComparer.Ordinal)], body);
        request.Dispose();
    }

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

}
