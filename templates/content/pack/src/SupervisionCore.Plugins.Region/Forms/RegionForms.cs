using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Region.Rules;

namespace SupervisionCore.Plugins.Region.Forms;

/// <summary>The pack's forms as data (<c>region-pack-id.forms</c>): the Host serves them, validates submissions and prints them.</summary>
public sealed class RegionForms : IFormCatalogue
{
    private static readonly FormOptionSet Compliance = new("compliance",
    [
        new("yes", new LocalizedText("符合", "Compliant")),
        new("partly", new LocalizedText("部分符合", "Partly compliant")),
        new("no", new LocalizedText("不符合", "Not compliant")),
    ]);

    /// <summary>附件1 督导情况记录表 (supervision record).</summary>
    public static FormDefinition Record { get; } = new(
        "region-pack-id.annex-1",
        1,
        new LocalizedText("督导情况记录表", "Supervision record"),
        RegionRules.Forms.Citation,
        [
            new FormSection("site", new LocalizedText("现场督导", "On-site supervision"),
            [
                new FormItem("venue", "1", new LocalizedText("考场设置符合要求", "The venue meets the requirements"), FormItemKind.SingleChoice, true, "compliance"),
                new FormItem("entry", "2", new LocalizedText("进场时间", "Entry time"), FormItemKind.DateTime, true),
                new FormItem("problems", "3", new LocalizedText("存在问题", "Problems found"), FormItemKind.Text, false),
            ]),
        ],
        [Compliance],
        [new FormSignature("supervisor", new LocalizedText("质量督导员", "the supervisor"), Dated: true)]);

    /// <inheritdoc />
    public string PackId => RegionRules.PackId;

    /// <inheritdoc />
    public JurisdictionCode Scope => RegionRules.Jurisdiction;

    /// <inheritdoc />
    public IReadOnlyList<FormDefinition> Forms { get; } = [Record];
}
