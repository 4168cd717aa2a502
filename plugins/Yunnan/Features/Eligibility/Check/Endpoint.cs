using System.Globalization;
using FastEndpoints;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Parameters;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Yunnan.Rules;
using AccessRoles = SupervisionCore.Kernel.Access.Roles;

namespace SupervisionCore.Plugins.Yunnan.Features.Eligibility.Check;

/// <summary>Checks the experience condition of YN 6(三) (yn.eligibility.experience).</summary>
public sealed class Endpoint(ExperienceRule rule, IParameterSource parameters, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("/api/v1/regions/yn/eligibility/checks");
        Roles([.. AccessRoles.All]);
        Description(b => b.WithName("yn.eligibility.check"));
        Tags("yn");
        Summary(s =>
        {
            s.Summary = "Check a prospective supervisor's experience (YN 6(三))";
            s.Description = "Eligible when management or technical staff of skill-level recognition, or an examiner " +
                            "with at least 3 completed years of examining (3 included; the years are the parameter " +
                            "yn.eligibility.experience.examiner-years in force today). Violations name the rule and " +
                            "citation; messages follow Accept-Language (zh-CN or en).";
        });
    }

    public override async Task HandleAsync(Request req, CancellationToken ct)
    {
        var outcome = rule.With(await parameters.CurrentAsync(ct))
            .Check(new SupervisorExperience(req.IsRecognitionManagementOrTechnicalStaff, 0, req.ExaminerYears), ChinaTime.DateOf(clock.GetUtcNow()));
        await Send.OkAsync(new Response
        {
            Eligible = outcome.Passed,
            Violations = outcome.Violations.Select(v => new ViolationItem
            {
                Rule = v.Rule,
                Citation = v.Citation,
                Message = v.Message.Get(CultureInfo.CurrentUICulture),
            }).ToList(),
        }, ct);
    }
}
