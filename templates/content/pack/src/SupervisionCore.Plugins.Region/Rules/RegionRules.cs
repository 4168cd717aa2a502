using SupervisionCore.Kernel;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Region.Rules;

/// <summary>The pack's rule catalogue: one descriptor per machine-checkable rule of its source document.</summary>
public static class RegionRules
{
    /// <summary>Pack id (also the rule prefix).</summary>
    public const string PackId = "region-pack-id";

    /// <summary>The jurisdiction the pack governs.</summary>
    public static readonly JurisdictionCode Jurisdiction = JurisdictionCode.Parse("REGION_JURISDICTION");

    /// <summary>
    /// 任职条件·考评经历 (examiner experience): at least 3 completed years of examining ("3年以上" includes 3), from
    /// 2025-01-01. A change of law is a new descriptor with its own period beside this one, never an edit.
    /// </summary>
    public static readonly RuleDescriptor ExaminerExperience = new(
        "region-pack-id.eligibility.experience",
        new LocalizedText("承担考评工作3年以上", "At least 3 years of examining"),
        new Citation("REGION_DOC", "6", "第六条"),
        Jurisdiction,
        PackId,
        EffectiveFrom: new DateOnly(2025, 1, 1));

    /// <summary>表格 (forms): the supervision record form of the source document's annex.</summary>
    public static readonly RuleDescriptor Forms = new(
        "region-pack-id.forms",
        new LocalizedText("督导情况记录表", "Supervision record form"),
        new Citation("REGION_DOC", "annex 1", "附件1"),
        Jurisdiction,
        PackId,
        EffectiveFrom: new DateOnly(2025, 1, 1));

    /// <summary>Every rule of the pack.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = [ExaminerExperience, Forms];
}
