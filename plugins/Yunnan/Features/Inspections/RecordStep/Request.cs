using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features.Inspections.RecordStep;

public sealed class Request
{
    /// <example>0193a5c7-4b21-7c3d-9e5f-6a7b8c9d0e1f</example>
    public Guid Id { get; set; }
    /// <summary>notice | site-visit | preliminary-opinion | rectification | report.</summary>
    /// <example>site-visit</example>
    public string Step { get; set; } = string.Empty;
    /// <summary>China day of the step.</summary>
    /// <example>2025-06-01</example>
    public DateOnly On { get; set; }
    /// <summary>The notice, opinion, rectification or report text.</summary>
    /// <example>现场查阅2025年度认定档案，抽查考场录像</example>
    public string? Text { get; set; }
    /// <summary>site-visit: the answers of 《职业技能等级认定现场质量督导情况报告表》 (form yn.site-report) by item key.</summary>
    /// <example>{"institution": {"text": "云南省职业技能评价中心"}, "visit-date": {"text": "2025-06-01"}, "supervisors": {"text": "张丽娟、周文斌"}, "item-1": {"number": 9}, "item-2": {"number": 10}}</example>
    public Dictionary<string, FormAnswer>? Answers { get; set; }
}

public sealed class Validator : Validator<Request>
{
    public Validator()
    {
        RuleFor(r => r.Text).MaximumLength(4000);
        RuleFor(r => r.Text).NotEmpty().When(r => r.Step != AnnualInspectionProcedure.SiteVisit).WithMessage("该步骤须填写 'text'", "'text' is required for this step");
        RuleFor(r => r.Answers).NotNull().When(r => r.Step == AnnualInspectionProcedure.SiteVisit).WithMessage("实地核查须填写 'answers'（报告表）", "'answers' (the report form) is required for the site visit");
        RuleFor(r => r.Answers).Null().When(r => r.Step != AnnualInspectionProcedure.SiteVisit).WithMessage("只有实地核查才有 'answers'", "'answers' belong to the site visit only");
    }
}
