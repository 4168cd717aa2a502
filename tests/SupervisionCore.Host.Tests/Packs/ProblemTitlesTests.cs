using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SupervisionCore.Host.Errors;
using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Rules;
using SupervisionCore.Plugins.AspNetCore;

namespace SupervisionCore.Host.Tests.Packs;

/// <summary>
/// The Host's problems and the packs' (SupervisionCore.Plugins.AspNetCore) carry the same titles in both languages, so a
/// client sees one title per status whoever answered ("违反业务规则" vs "违反规则" drifted when each pack had its copy).
/// </summary>
public sealed class ProblemTitlesTests
{
    private static readonly Violation Refused = new("gd.record.deadline", "GD 20", new LocalizedText("逾期", "late"));
    private static readonly LocalizedText Why = new("原因", "reason");

    public static TheoryData<string> Cultures => new() { "zh-CN", "en" };

    private static (ProblemHttpResult Host, ProblemHttpResult Pack)[] Pairs() =>
    [
        (Problems.NotFound("x"), PackProblems.NotFound("x")),
        (Problems.Forbidden(Why), PackProblems.Forbidden(Why)),
        (Problems.Conflict(Why), PackProblems.Conflict(Why)),
        (Problems.RuleConflict([Refused]), PackProblems.RuleConflict([Refused])),
        (Problems.Violations([Refused]), PackProblems.Violations([Refused])),
    ];

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Host_and_pack_problems_have_the_same_status_title_and_detail(string culture)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            foreach (var (host, pack) in Pairs())
            {
                pack.StatusCode.ShouldBe(host.StatusCode);
                pack.ProblemDetails.Title.ShouldBe(host.ProblemDetails.Title);
                pack.ProblemDetails.Detail.ShouldBe(host.ProblemDetails.Detail);
                pack.ProblemDetails.Title.ShouldBe(ProblemTitles.For(pack.StatusCode)!.Get(CultureInfo.CurrentUICulture));
            }
        }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    [Fact]
    public void The_rule_title_is_the_one_the_host_always_sent()
    {
        ProblemTitles.For(422).ShouldBe(new LocalizedText("违反业务规则", "Business rule violated"));
        ProblemTitles.All.Keys.ShouldBe([400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 429, 500, 503], ignoreOrder: true);
    }

    [Fact]
    public void No_pack_carries_a_problem_title_of_its_own()
    {
        var root = Path.Combine(SupervisionCore.Host.Tests.OpenApi.OpenApiDocumentTests.RepositoryRoot(), "plugins");
        var offenders = Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("TypedResults.Problem(", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f)).ToList();
        offenders.ShouldBeEmpty("packs answer problems through SupervisionCore.Plugins.AspNetCore.PackProblems");
    }
}
