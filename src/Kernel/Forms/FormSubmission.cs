namespace SupervisionCore.Kernel.Forms;

/// <summary>One answer of a form submission: text (text, date, date-time, single choice), several choices, or a number.</summary>
/// <param name="Text" example="conforms">Text, single choice key, or ISO date/date-time.</param>
/// <param name="Choices" example='["conforms"]'>Option keys of a multiple choice.</param>
/// <param name="Number" example="92.5">A number.</param>
public sealed record FormAnswer(string? Text = null, IReadOnlyList<string>? Choices = null, decimal? Number = null)
{
    /// <summary>True when nothing was answered.</summary>
    /// <example>false</example>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Text) && (Choices is null || Choices.Count == 0) && Number is null;
}

/// <summary>Why a submission does not fit its form.</summary>
public enum FormProblemKind
{
    /// <summary>An answer for a key the form does not have.</summary>
    UnknownItem = 1,

    /// <summary>A required item (or a section rating, or a signature) is not answered.</summary>
    MissingRequired = 2,

    /// <summary>A choice that is not in the item's option set.</summary>
    OptionNotInSet = 3,

    /// <summary>The answer has the wrong shape for the item (text for a number, several choices for a single choice, a bad date).</summary>
    WrongType = 4,

    /// <summary>A text answer longer than <see cref="FormSubmission.MaxTextLength"/>.</summary>
    TooLong = 5,
}

/// <summary>A problem found in a submission, naming the item by its stable key and its number in the source form.</summary>
/// <param name="Key">Item, section or signature key.</param>
/// <param name="Number">The item's number as printed in the source form (may be null).</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">Explanation in Chinese and English.</param>
public sealed record FormProblem(string Key, string? Number, FormProblemKind Kind, LocalizedText Message);

/// <summary>
/// Checks a submission against its form definition (forms are data, so the check is generic): every answer names an
/// item, a section rating or a signature of the form; choices are in their option set; required items, section ratings
/// and signatures are answered. Returns every problem, not just the first.
/// </summary>
public static class FormSubmission
{
    /// <summary>Longest free text accepted per answer.</summary>
    public const int MaxTextLength = 4000;

    /// <summary>Every problem of <paramref name="answers"/> against <paramref name="form"/> (empty when it fits).</summary>
    public static IReadOnlyList<FormProblem> Validate(FormDefinition form, IReadOnlyDictionary<string, FormAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<FormProblem>();
        var sets = form.OptionSets.ToDictionary(s => s.Key, s => s.Options.Select(o => o.Key).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var items = form.Items.ToDictionary(i => i.Key, StringComparer.Ordinal);
        var ratings = form.Sections.Where(s => s.RatingOptionSet is not null).ToDictionary(s => s.Key, StringComparer.Ordinal);
        var signatures = form.Signatures.ToDictionary(s => s.Key, StringComparer.Ordinal);

        foreach (var (key, answer) in answers)
        {
            if (items.TryGetValue(key, out var item)) CheckItem(item, answer, sets, problems);
            else if (ratings.TryGetValue(key, out var section)) CheckChoice(key, null, answer, sets[section.RatingOptionSet!], single: true, problems);
            else if (signatures.ContainsKey(key)) CheckText(key, null, answer, problems);
            else problems.Add(new FormProblem(key, null, FormProblemKind.UnknownItem,
                new LocalizedText($"表单 {form.Id} 没有“{key}”这一项", $"form {form.Id} has no item '{key}'")));
        }

        foreach (var item in form.Items.Where(i => i.Required && (!answers.TryGetValue(i.Key, out var a) || a.IsEmpty)))
            problems.Add(Missing(item.Key, item.Number, $"第{item.Number ?? item.Key}项", $"item {item.Number ?? item.Key}"));
        foreach (var section in ratings.Values.Where(s => !answers.TryGetValue(s.Key, out var a) || a.IsEmpty))
            problems.Add(Missing(section.Key, null, $"“{section.Title.Zh}”的综合评定", $"the rating of '{section.Title.En}'"));
        foreach (var signature in form.Signatures.Where(s => !answers.TryGetValue(s.Key, out var a) || a.IsEmpty))
            problems.Add(Missing(signature.Key, null, $"{signature.Signer.Zh}签名", $"the signature of {signature.Signer.En}"));
        return problems;
    }

    private static FormProblem Missing(string key, string? number, string zh, string en) =>
        new(key, number, FormProblemKind.MissingRequired, new LocalizedText($"{zh}为必填", $"{en} is required"));

    private static void CheckItem(FormItem item, FormAnswer answer, Dictionary<string, HashSet<string>> sets, List<FormProblem> problems)
    {
        switch (item.Kind)
        {
            case FormItemKind.SingleChoice:
                CheckChoice(item.Key, item.Number, answer, sets[item.OptionSet!], single: true, problems);
                break;
            case FormItemKind.MultipleChoice:
                CheckChoice(item.Key, item.Number, answer, sets[item.OptionSet!], single: false, problems);
                break;
            case FormItemKind.Number:
                if (answer.Number is null && !answer.IsEmpty) Wrong(item, "应为数字", "must be a number", problems);
                break;
            case FormItemKind.Date:
                if (answer.Text is { Length: > 0 } d && !DateOnly.TryParseExact(d, "yyyy-MM-dd", out _)) Wrong(item, "应为日期 YYYY-MM-DD", "must be a date YYYY-MM-DD", problems);
                else if (answer.Choices is not null || answer.Number is not null) Wrong(item, "应为日期", "must be a date", problems);
                break;
            case FormItemKind.DateTime:
                if (answer.Text is { Length: > 0 } t && !DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
                    Wrong(item, "应为带时区的日期时间", "must be an ISO date-time with offset", problems);
                else if (answer.Choices is not null || answer.Number is not null) Wrong(item, "应为日期时间", "must be a date-time", problems);
                break;
            default:
                CheckText(item.Key, item.Number, answer, problems);
                break;
        }
    }

    private static void CheckText(string key, string? number, FormAnswer answer, List<FormProblem> problems)
    {
        if (answer.Choices is not null || answer.Number is not null)
            problems.Add(new FormProblem(key, number, FormProblemKind.WrongType, new LocalizedText($"“{key}”应为文字", $"'{key}' must be text")));
        else if (answer.Text is { Length: > MaxTextLength })
            problems.Add(new FormProblem(key, number, FormProblemKind.TooLong,
                new LocalizedText($"“{key}”超过{MaxTextLength}字", $"'{key}' is longer than {MaxTextLength} characters")));
    }

    private static void CheckChoice(string key, string? number, FormAnswer answer, HashSet<string> options, bool single, List<FormProblem> problems)
    {
        var chosen = answer.Choices ?? (answer.Text is { Length: > 0 } t ? [t] : []);
        if (answer.Number is not null || (single && chosen.Count > 1))
        {
            problems.Add(new FormProblem(key, number, FormProblemKind.WrongType,
                new LocalizedText($"“{key}”只能选择一个选项", $"'{key}' takes exactly one option")));
            return;
        }
        foreach (var choice in chosen.Where(c => !options.Contains(c)))
            problems.Add(new FormProblem(key, number, FormProblemKind.OptionNotInSet,
                new LocalizedText($"“{key}”没有选项“{choice}”（可选：{string.Join("、", options)}）", $"'{key}' has no option '{choice}' (options: {string.Join(", ", options)})")));
    }

    private static void Wrong(FormItem item, string zh, string en, List<FormProblem> problems) =>
        problems.Add(new FormProblem(item.Key, item.Number, FormProblemKind.WrongType, new LocalizedText($"第{item.Number ?? item.Key}项{zh}", $"item {item.Number ?? item.Key} {en}")));
}
