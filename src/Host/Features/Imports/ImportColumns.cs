using System.Globalization;
using SupervisionCore.Kernel;

namespace SupervisionCore.Host.Features.Imports;

/// <summary>A column of an import file: its key (accepted as a header), its Chinese header (the template's) and an example.</summary>
public sealed record ImportColumn(string Key, string Zh, string En, bool Required, string Example, string Help)
{
    /// <summary>True when a header of the file names this column (the key, the Chinese header or the English name, any case).</summary>
    public bool Matches(string header)
    {
        var h = header.Trim();
        return string.Equals(h, Key, StringComparison.OrdinalIgnoreCase) || h == Zh || string.Equals(h, En, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The import types and their columns, as provinces keep these lists today (one row per person or institution).</summary>
public static class ImportTypes
{
    public const string Supervisors = "supervisors";
    public const string Institutions = "institutions";
    public static readonly string[] All = [Supervisors, Institutions];
    public static readonly string[] Modes = ["all-or-nothing", "valid-rows-only"];

    /// <summary>
    /// The first column of every template: the template's example row says <see cref="ExampleMarker"/> in it, and a row
    /// with anything in this column is never imported (reported as skipped). Real rows leave it empty; a file without
    /// the column imports every row.
    /// </summary>
    public static readonly ImportColumn ExampleColumn = new("example", "示例", "Example", false, ExampleMarker,
        "leave empty: a row with anything here is an example and is not imported");

    /// <summary>What the template's example row holds in <see cref="ExampleColumn"/>.</summary>
    public const string ExampleMarker = "示例（此行不导入）";

    public static readonly IReadOnlyList<ImportColumn> SupervisorColumns =
    [
        ExampleColumn,
        new("name", "姓名", "Name", true, "张三", "1–100 characters"),
        new("idNumber", "公民身份号码", "ID number", true, "11010519491231002X", "GB 11643, 18 characters (or a 15-digit legacy number); keep the cell as text"),
        new("kind", "类别", "Kind", true, "external", "external (外督) | internal (内督)"),
        new("jurisdiction", "辖区", "Jurisdiction", true, "44", "a code such as 44 or 44.A, inside the uploader's"),
        new("institutionFilingNumber", "所属评价机构备案编号", "Institution filing number", false, "", "internal supervisors: the filing number of their institution inside the jurisdiction"),
        new("phone", "联系电话", "Phone", false, "13800138000", "mainland mobile or landline"),
        new("yearsInEvaluation", "从事评价工作年限", "Years in evaluation", false, "5", "0–80"),
        new("yearsAsExaminer", "考评员年限", "Years as examiner", false, "3", "0–80"),
        new("managementOrTechnicalRole", "管理或技术职务", "Management or technical role", false, "是", "是/否 (yes/no)"),
        new("politicalCommitment", "政治立场坚定", "Political commitment", false, "是", "CN 6(一) 是/否"),
        new("policyKnowledge", "熟悉政策法规", "Policy knowledge", false, "是", "CN 6(二) 是/否"),
        new("integrity", "廉洁自律", "Integrity", false, "是", "CN 6(三) 是/否"),
        new("organisingAndExpression", "组织协调和表达能力", "Organising and expression", false, "是", "CN 6(四) 是/否"),
        new("health", "身体健康", "Health", false, "是", "CN 6(五) 是/否"),
    ];

    public static readonly IReadOnlyList<ImportColumn> InstitutionColumns =
    [
        ExampleColumn,
        new("name", "机构名称", "Name", true, "广州市示例职业技能评价中心", "1–200 characters"),
        new("kind", "类别", "Kind", true, "employer", "employer (用人单位) | social-org (社会培训评价组织) | industry (行业部门)"),
        new("filingNumber", "备案编号", "Filing number", true, "440001", "4 digits when MOHRSS-filed (6 for an industry department), 6 digits when province-filed"),
        new("filingLevel", "备案层级", "Filing level", true, "province", "mohrss (人社部) | province (省级)"),
        new("jurisdiction", "辖区", "Jurisdiction", true, "44", "a code such as 44 or 44.A, inside the uploader's"),
    ];

    public static IReadOnlyList<ImportColumn> ColumnsOf(string type) => type == Supervisors ? SupervisorColumns : InstitutionColumns;

    private static readonly Dictionary<string, string> KindAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["外督"] = "external", ["外部质量督导员"] = "external", ["内督"] = "internal", ["内部质量督导员"] = "internal",
        ["用人单位"] = "employer", ["Y"] = "employer", ["社会培训评价组织"] = "social-org", ["S"] = "social-org", ["行业部门"] = "industry", ["H"] = "industry",
        ["人社部"] = "mohrss", ["人力资源社会保障部"] = "mohrss", ["省级"] = "province",
    };

    /// <summary>The canonical value of a code cell (Chinese names and letters accepted), lower-case as the API spells it.</summary>
    public static string Code(string value) => KindAliases.TryGetValue(value.Trim(), out var code) ? code : value.Trim().ToLowerInvariant();

    /// <summary>是/否, yes/no, true/false, 1/0, Y/N; null for an empty cell; throws a <see cref="CellException"/> otherwise.</summary>
    public static bool? Flag(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "是" or "yes" or "y" or "true" or "1" or "√" or "✓" => true,
        "否" or "no" or "n" or "false" or "0" or "×" => false,
        _ => throw new CellException(new("应填写“是”或“否”", "must be 是/否 (yes/no)")),
    };

    /// <summary>A whole number, or null for an empty cell; throws a <see cref="CellException"/> otherwise.</summary>
    public static int? Number(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        if (decimal.TryParse(value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue) return (int)d;
        throw new CellException(new("应填写整数", "must be a whole number"));
    }
}

/// <summary>A cell that cannot be read as its column's type.</summary>
public sealed class CellException(LocalizedText reason) : Exception(reason.En)
{
    public LocalizedText Reason { get; } = reason;
}
