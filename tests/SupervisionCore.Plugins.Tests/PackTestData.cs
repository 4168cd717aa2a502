using System.Text.Json;
using SupervisionCore.Kernel.Plugins;

namespace SupervisionCore.Plugins.Tests;

/// <summary>The packs under test and their expected catalogues (RULES.md, embedded).</summary>
public static class PackTestData
{
    public static IPolicyPack Pack(string id) => id switch
    {
        "gd" => new SupervisionCore.Plugins.Guangdong.PolicyPack(),
        "bj-etdz" => new SupervisionCore.Plugins.BeijingEtdz.PolicyPack(),
        "yn" => new SupervisionCore.Plugins.Yunnan.PolicyPack(),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    public static PackManifest Manifest(string id)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "packs", id, "pack.json");
        return JsonSerializer.Deserialize<PackManifest>(File.ReadAllText(path), JsonSerializerOptions.Web)
               ?? throw new InvalidOperationException($"{path} is empty");
    }

    /// <summary>
    /// RULES.md rows per pack: id and article, in table order; then the rules added since (issue #16: <c>gd.forms.record</c>,
    /// <c>bj.forms.record</c>, <c>bj.feedback.institution</c>, not yet in RULES.md).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Id, string Article)[]> Expected =
        new Dictionary<string, (string, string)[]>
        {
            ["gd"] =
            [
                ("gd.card.external-format", "annex 1 一"),
                ("gd.card.internal-format", "annex 1 二"),
                ("gd.card.issuer-scope", "5, 7"),
                ("gd.eligibility.experience", "6(五)"),
                ("gd.dispatch.consecutive-cap", "12"),
                ("gd.recusal.dual-role", "12"),
                ("gd.internal.full-coverage", "13"),
                ("gd.record.deadline", "20"),
                ("gd.feedback.institution", "20"),
                ("gd.sanction.supervisor", "21"),
                ("gd.forms", "annexes 3, 4, 5"),
                ("gd.forms.record", "20, annexes 3, 4"),
                ("gd.daily.checks", "17(一)(二)"),
                ("gd.daily.measures", "17(三)"),
                ("gd.daily.rectification", "17(四)"),
                ("gd.incentive", "21"), // issue #19 (procb)
            ],
            ["bj-etdz"] =
            [
                ("bj.eligibility.age", "10(五)"),
                ("bj.card.internal-format", "annex 1"),
                ("bj.card.internal-scope", "13"),
                ("bj.staffing.recognition", "19"),
                ("bj.staffing.competition", "26"),
                ("bj.record.deadline", "22, 26"),
                ("bj.fee.schedule", "27"),
                ("bj.venue.inspection", "23"),
                ("bj.forms", "annexes 3–7"),
                // Added by this project beyond RULES.md (docs/rules.md).
                ("bj.forms.record", "18, 22, 26, annexes 3, 7"),
                ("bj.feedback.institution", "22, annex 4"),
                ("bj.task.kinds", "18, 25"),
                ("bj.dispatch.appointed", "11, 14"),
                ("bj.card.validity", "annex 2, 14"),
                // Issue #19 (procb).
                ("bj.dispatch.rotation", "9"),
                ("bj.internal.full-coverage", "24"),
                ("bj.sanction.supervisor", "31"),
            ],
            ["yn"] =
            [
                ("yn.eligibility.experience", "6(三)"),
                ("yn.internal.full-process", "12"),
                ("yn.learning.annual", "17"),
                ("yn.dispatch.refusal-limit", "19"),
                ("yn.revocation.blacklist", "23"),
                ("yn.assessment.annual", "22"),
                ("yn.task.annual-inspection", "10"),
                // Added by this project beyond RULES.md (docs/rules.md).
                ("yn.dispatch.appointed", "18"),
                // Issue #19 (procb).
                ("yn.sanction.supervisor", "21"),
                ("yn.commendation", "22"),
                ("yn.application", "13"),
            ],
        };

    public static TheoryData<string> PackIds => new() { "gd", "bj-etdz", "yn" };
}
