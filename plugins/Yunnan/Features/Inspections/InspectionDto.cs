using System.Text.Json;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Plugins.Yunnan.Data;
using SupervisionCore.Plugins.Yunnan.Forms;
using SupervisionCore.Plugins.Yunnan.Rules;

namespace SupervisionCore.Plugins.Yunnan.Features.Inspections;

/// <summary>A recorded step.</summary>
/// <param name="Sequence" example="2">Order of the step.</param>
/// <param name="Step" example="site-visit">notice | site-visit | preliminary-opinion | rectification | report.</param>
/// <param name="On" example="2025-06-01">Day.</param>
/// <param name="Text" example="现场查阅2025年度认定档案，抽查考场录像">Text.</param>
/// <param name="Answers" example='{"institution": {"text": "云南省职业技能评价中心"}, "visit-date": {"text": "2025-06-01"}, "item-1": {"number": 9}}'>Site-visit answers by item key.</param>
/// <param name="Total" example="86">Total score of a site visit.</param>
public sealed record StepDto(int Sequence, string Step, DateOnly On, string? Text, IReadOnlyDictionary<string, FormAnswer>? Answers, decimal? Total);

/// <summary>An annual inspection with its steps and the next one due.</summary>
/// <param name="Id" example="0193a5c7-4b21-7c3d-9e5f-6a7b8c9d0e1f">Inspection id.</param>
/// <param name="TaskId" example="0193a5c4-8f02-7a11-b6e3-2c9d4e7f8a01">The annual-inspection task.</param>
/// <param name="InstitutionId" example="0193a5c4-5a01-7f2d-8e6c-3b4a5c6d7e80">The institution.</param>
/// <param name="Jurisdiction" example="53">Jurisdiction.</param>
/// <param name="Year" example="2025">Year inspected.</param>
/// <param name="FormId" example="yn.site-report">Site-visit form.</param>
/// <param name="Steps">Recorded steps.</param>
/// <param name="NextStep" example="preliminary-opinion">The next step due (null when done).</param>
public sealed record InspectionDto(Guid Id, Guid TaskId, Guid InstitutionId, string Jurisdiction, int Year, string FormId, IReadOnlyList<StepDto> Steps, string? NextStep)
{
    public static InspectionDto From(AnnualInspection i)
    {
        var steps = i.Steps.OrderBy(s => s.Sequence).ToList();
        return new(i.Id, i.TaskId, i.InstitutionId, i.Jurisdiction, i.Year, YunnanForms.ReportFormId,
            [.. steps.Select(s => new StepDto(s.Sequence, s.Step, s.On, s.Text, s.Answers is null ? null : JsonSerializer.Deserialize<Dictionary<string, FormAnswer>>(s.Answers, JsonSerializerOptions.Web), s.Total))],
            AnnualInspectionProcedure.Next([.. steps.Select(s => s.Step)]));
    }
}
