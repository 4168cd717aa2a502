using System.Globalization;
using FastEndpoints;
using SupervisionCore.Plugins.Region.Rules;

namespace SupervisionCore.Plugins.Region.Features.Eligibility.Check;

/// <summary>Checks examining experience against <c>region-pack-id.eligibility.experience</c>.</summary>
public sealed class Endpoint(ExperienceRule rule) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/regions/region-pack-id/eligibility/checks");
        Roles([.. SupervisionCore.Kernel.Access.Roles.All]);
        Description(b => b.WithName("region-pack-id.eligibility.check"));
        Tags("region-pack-id");
        Summary(s =>
        {
            s.Summary = "Check a prospective supervisor's examining experience";
            s.Description = "At least 3 completed years of examining (3 included). Violations name the rule and its citation.";
        });
    }

    public override Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = rule.Check(req.ExaminerYears);
        return Send.OkAsync(new Response
        {
            Eligible = outcome.Passed,
            Violations = [.. outcome.Violations.Select(v => new ViolationItem
            {
                Rule = v.Rule, Citation = v.Citation, Message = v.Message.Get(CultureInfo.CurrentUICulture),
            })],
        }, ct);
    }
}
