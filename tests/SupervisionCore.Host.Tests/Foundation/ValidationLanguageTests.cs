using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using SupervisionCore.Host.Errors;
using SupervisionCore.Host.Tests.Infrastructure;
using SupervisionCore.Kernel.Access;

namespace SupervisionCore.Host.Tests.Foundation;

/// <summary>
/// 400 validation problems are in the request's language (zh-CN by default, en on request): the title and every field
/// message, on kernel and pack endpoints, for validator messages, FluentValidation's own messages and JSON/binding failures.
/// </summary>
public sealed class ValidationLanguageTests(SupervisionApp app) : IClassFixture<SupervisionApp>
{
    /// <summary>
    /// Every custom message of every validator of the Host has its Chinese text: in <see cref="ValidationMessages"/>, or
    /// given at the source (<c>WithMessage(_ => ValidationLanguage.Text(zh, en))</c>: the message differs by language).
    /// </summary>
    [Fact]
    public void Every_custom_validation_message_of_the_Host_has_its_Chinese_text()
    {
        _ = app.Services; // the Host is running: validators resolving services (the packs' sanction grounds) can be made
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            var validators = typeof(ValidationLanguage).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && !t.ContainsGenericParameters && typeof(IValidator).IsAssignableFrom(t))
                .ToList();
            validators.Count.ShouldBeGreaterThan(50);
            var missing = new SortedSet<string>(StringComparer.Ordinal);
            var inspected = 0;
            foreach (var type in validators)
            {
                var validator = Create(type);
                foreach (var member in validator.CreateDescriptor().GetMembersWithValidators())
                    foreach (var (component, options) in member)
                    {
                        string en, zh;
                        try
                        {
                            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
                            en = options.GetUnformattedErrorMessage();
                            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                            zh = options.GetUnformattedErrorMessage();
                        }
                        catch (Exception ex) when (ex is NullReferenceException or InvalidCastException) { continue; } // built from the request (WithMessage(r => …)): not inspectable here
                        inspected++;
                        if (en != zh) continue; // FluentValidation's own message, or one given in both languages at the source
                        if (en == "No default error message has been specified") continue; // a child validator: its own rules are inspected
                        if (!ValidationMessages.Zh.ContainsKey(en)) missing.Add(en);
                    }
            }
            inspected.ShouldBeGreaterThan(100);
            missing.ShouldBeEmpty("messages without their Chinese text in src/Host/Errors/ValidationMessages.cs:\n" +
                string.Join("\n", missing.Select(m => $"        [{JsonSerializer.Serialize(m, Unescaped)}] = \"\",")));
        }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_kernel_registration_with_bad_fields_names_each_in_the_request_language(string language)
    {
        using var client = app.CreateClient(await app.AdminTokenAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/supervisors")
        {
            Content = JsonContent.Create(new { name = "", idNumber = "123", kind = "outsider", jurisdiction = "Guangdong!", conflicts = Array.Empty<object>() }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await BadRequestAsync(client, request);

        var errors = Errors(problem);
        errors.Keys.ShouldContain("kind");
        errors.Keys.ShouldContain("jurisdiction");
        errors.Keys.ShouldContain("name");
        AssertLanguage(problem, errors, language);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_bad_query_value_is_in_the_request_language(string language)
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/rules?jurisdiction=Guangdong!");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await BadRequestAsync(client, request);
        var errors = Errors(problem);
        errors.Keys.ShouldContain("jurisdiction");
        AssertLanguage(problem, errors, language);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_query_value_that_cannot_be_bound_is_in_the_request_language(string language)
    {
        using var client = app.CreateClient(await app.TokenForAsync(Roles.Auditor, "CN"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/calendar/deadline?from=yesterday&workingDays=five");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await BadRequestAsync(client, request);
        var errors = Errors(problem);
        errors.Keys.ShouldContain("from");
        errors.Keys.ShouldContain("workingDays");
        AssertLanguage(problem, errors, language);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_JSON_value_of_the_wrong_type_is_in_the_request_language(string language)
    {
        using var client = app.CreateClient(await app.AdminTokenAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/supervisors")
        {
            Content = new StringContent("""{"name":"张三","kind":"external","jurisdiction":"44","experience":{"yearsInEvaluation":"five"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await BadRequestAsync(client, request);
        var errors = Errors(problem);
        errors.Keys.ShouldContain("experience.yearsInEvaluation");
        AssertLanguage(problem, errors, language);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task A_pack_endpoint_answers_in_the_request_language(string language)
    {
        using var client = app.CreateClient(await app.AdminTokenAsync());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/regions/yn/learning-sessions")
        {
            Content = JsonContent.Create(new { institutionId = Guid.NewGuid(), jurisdiction = "53", year = 1999, heldOn = "1999-05-10", content = new string('x', 2001) }),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var problem = await BadRequestAsync(client, request);
        var errors = Errors(problem);
        errors.Keys.ShouldContain("year");
        errors.Keys.ShouldContain("content");
        AssertLanguage(problem, errors, language);
    }

    private static readonly JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static IValidator Create(Type type)
    {
        var ctor = type.GetConstructors().OrderBy(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(TimeProvider) => (object)TimeProvider.System,
            var t when t == typeof(IConfiguration) => new ConfigurationBuilder().Build(),
            var t => throw new InvalidOperationException($"{type}: cannot make a {t} to inspect its messages"),
        }).ToArray();
        return (IValidator)ctor.Invoke(args);
    }

    private static async Task<JsonElement> BadRequestAsync(HttpClient client, HttpRequestMessage request)
    {
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The problem's errors by field name: FastEndpoints' <c>errors: [{name, reason}]</c>.</summary>
    private static Dictionary<string, List<string>> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray()
            .GroupBy(e => e.GetProperty("name").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("reason").GetString()!).ToList());

    private static void AssertLanguage(JsonElement problem, Dictionary<string, List<string>> errors, string language)
    {
        var title = problem.GetProperty("title").GetString()!;
        var chinese = language.StartsWith("zh", StringComparison.Ordinal);
        title.ShouldBe(chinese ? "请求参数验证失败" : "One or more validation errors occurred.");
        foreach (var (field, reasons) in errors)
            foreach (var reason in reasons)
                HasChinese(reason).ShouldBe(chinese, $"{field}: {reason}");
    }

    private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');
}
