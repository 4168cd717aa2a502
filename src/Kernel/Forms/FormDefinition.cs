using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Forms;

/// <summary>What a form item asks for.</summary>
public enum FormItemKind
{
    /// <summary>One option of an option set (□符合 □部分符合 □不符合).</summary>
    SingleChoice = 1,

    /// <summary>Any options of an option set (异常情况记录 check boxes).</summary>
    MultipleChoice = 2,

    /// <summary>Free text (存在问题, 补充说明).</summary>
    Text = 3,

    /// <summary>A China calendar day.</summary>
    Date = 4,

    /// <summary>An instant with offset (进场时间).</summary>
    DateTime = 5,

    /// <summary>A whole number.</summary>
    Number = 6,
}

/// <summary>One choice of an option set.</summary>
/// <param name="Key">Stable key stored with submissions (<c>partly</c>).</param>
/// <param name="Label">Printed label.</param>
public sealed record FormOption(string Key, LocalizedText Label);

/// <summary>A named list of options shared by items (符合/部分符合/不符合).</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Options">The options in printed order.</param>
public sealed record FormOptionSet(string Key, IReadOnlyList<FormOption> Options);

/// <summary>A question of a form.</summary>
/// <param name="Key">Stable key, unique in the form, never reused for another meaning.</param>
/// <param name="Number">The numbering as printed in the source (<c>11</c>; GD annex 4 prints 11 twice), or null.</param>
/// <param name="Text">The question.</param>
/// <param name="Kind">What it asks for.</param>
/// <param name="Required">True when a submission must answer it.</param>
/// <param name="OptionSet">Key of the option set for choice items.</param>
public sealed record FormItem(string Key, string? Number, LocalizedText Text, FormItemKind Kind, bool Required, string? OptionSet = null);

/// <summary>A titled group of items, optionally with a section-level rating (综合评定 优秀/良好/一般/差).</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Title">Printed title.</param>
/// <param name="Items">Items in printed order.</param>
/// <param name="RatingOptionSet">Option set of the section rating, or null.</param>
public sealed record FormSection(string Key, LocalizedText Title, IReadOnlyList<FormItem> Items, string? RatingOptionSet = null);

/// <summary>A signature line (外部质量督导员签名 + 年 月 日).</summary>
/// <param name="Key">Stable key.</param>
/// <param name="Signer">Who signs.</param>
/// <param name="Dated">True when a date goes with it.</param>
/// <param name="Seal">True when a seal (盖章) is expected.</param>
public sealed record FormSignature(string Key, LocalizedText Signer, bool Dated, bool Seal = false);

/// <summary>A form as data: a source annex made machine-readable.</summary>
/// <param name="Id">Stable id, prefixed with the pack id (<c>gd.annex-4</c>).</param>
/// <param name="Version">Version, from 1; a change is a new version.</param>
/// <param name="Title">Printed title.</param>
/// <param name="Citation">The annex it reproduces.</param>
/// <param name="Sections">Sections in printed order.</param>
/// <param name="OptionSets">Option sets used by the items.</param>
/// <param name="Signatures">Signature lines.</param>
public sealed record FormDefinition(
    string Id,
    int Version,
    LocalizedText Title,
    Citation Citation,
    IReadOnlyList<FormSection> Sections,
    IReadOnlyList<FormOptionSet> OptionSets,
    IReadOnlyList<FormSignature> Signatures)
{
    /// <summary>Every item of every section, in printed order.</summary>
    public IEnumerable<FormItem> Items => Sections.SelectMany(s => s.Items);

    /// <summary>Checks the definition's own consistency; returns the problems (empty when sound).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Id)) problems.Add("id is missing");
        if (Version < 1) problems.Add($"version {Version} must be 1 or more");
        var sets = OptionSets.Select(o => o.Key).ToList();
        problems.AddRange(sets.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"option set '{g.Key}' is defined twice"));
        problems.AddRange(OptionSets.Where(o => o.Options.Count == 0).Select(o => $"option set '{o.Key}' has no options"));
        var keys = Sections.Select(s => s.Key).Concat(Items.Select(i => i.Key)).Concat(Signatures.Select(s => s.Key));
        problems.AddRange(keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => $"key '{g.Key}' is used twice"));
        foreach (var item in Items)
        {
            var isChoice = item.Kind is FormItemKind.SingleChoice or FormItemKind.MultipleChoice;
            if (isChoice && (item.OptionSet is null || !sets.Contains(item.OptionSet)))
                problems.Add($"item '{item.Key}' needs a defined option set");
            if (!isChoice && item.OptionSet is not null)
                problems.Add($"item '{item.Key}' is not a choice but names option set '{item.OptionSet}'");
        }
        problems.AddRange(Sections.Where(s => s.RatingOptionSet is not null && !sets.Contains(s.RatingOptionSet))
            .Select(s => $"section '{s.Key}' rates with undefined option set '{s.RatingOptionSet}'"));
        return problems;
    }
}
