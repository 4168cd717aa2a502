using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Plugins.Testing;

/// <summary>Sample submissions built from a form definition alone (forms are data).</summary>
public static class FormSamples
{
    /// <summary>A submission answering every item, section rating and signature with a valid value of its kind.</summary>
    public static Dictionary<string, FormAnswer> Complete(FormDefinition form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var first = form.OptionSets.ToDictionary(s => s.Key, s => s.Options[0].Key, StringComparer.Ordinal);
        var answers = new Dictionary<string, FormAnswer>(StringComparer.Ordinal);
        foreach (var item in form.Items)
            answers[item.Key] = item.Kind switch
            {
                FormItemKind.SingleChoice => new FormAnswer(first[item.OptionSet!]),
                FormItemKind.MultipleChoice => new FormAnswer(Choices: [first[item.OptionSet!]]),
                FormItemKind.Date => new FormAnswer("2024-05-06"),
                FormItemKind.DateTime => new FormAnswer("2024-05-06T09:30:00+08:00"),
                FormItemKind.Number => new FormAnswer(Number: 1),
                _ => new FormAnswer("sample text"),
            };
        foreach (var section in form.Sections.Where(s => s.RatingOptionSet is not null))
            answers[section.Key] = new FormAnswer(first[section.RatingOptionSet!]);
        foreach (var signature in form.Signatures) answers[signature.Key] = new FormAnswer("signed");
        return answers;
    }
}
