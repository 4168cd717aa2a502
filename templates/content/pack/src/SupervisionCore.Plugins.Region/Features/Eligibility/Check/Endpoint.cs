using System.Globalization;
using FastEndpoints;
using SupervisionCore.Kernel;
using SupervisionCore.Plugins.Region.Rules;

namespace SupervisionCore.Plugins.Region.Features.Eligibility.Check;

/// <summary>
/// Checks examining experience against <c>region-pack-id.eligibility.experience</c>. The caller, refusals and bad input
/// work as in the Host and the bundled packs, with SupervisionCore.Plugins.AspNetCore: <c>User.ScopeIn(…)</c> (Caller)
/// is the part of the pack's jurisdiction the caller acts on, <c>PackProblems</c> answers RFC 9457 problems with the
/// Host's titles in the request's language, and the validator's messages are given in Chinese and English.
/// </summary>
public sealed class Endpoint(ExperienceRule rule) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/regions/region-pack-id/eligibility/checks");
        Roles([.. SupervisionCore.Kernel.Access.Roles.All]);
        Description(b => b.WithName("region-pack-id.eligibility.check").ProducesProblem(400).ProducesProblem(403));
        Tags("region-pack-id");
        Summary(s =>
        {
            s.Summary = "Check a prospective supervisor's examining experience";
            s.Description = "At least 3 completed years of examining (3 included). Violations name the rule and its citation; " +
                            "messages follow Accept-Language (zh-CN or en). A caller whose jurisdiction neither contains nor lies " +
                            "in REGION_JURISDICTION is refused (403).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        // Callers act inside the pack's jurisdiction: their own part of it, or all of it from above (a national account).
        if (User.ScopeIn(RegionRules.Jurisdiction) is null)
        {
            await Send.ResultAsync(PackProblems.Forbidden(new LocalizedText(
                $"只有 {RegionRules.Jurisdiction.Value} 辖区内或其上级的用户可以核查", $"only a caller in or above {RegionRules.Jurisdiction.Value} may check")));
            return;
        }
        var outcome = rule.Check(req.ExaminerYears);
        await Send.OkAsync(new Response
        {
            Eligible = outcome.Passed,
            Violations = [.. outcome.Violations.Select(v => new ViolationItem
            {
                Rule = v.Rule, Citation = v.Citation, Message = v.Message.Get(CultureInfo.CurrentUICulture),
            })],
        }, ct);
    }
}
