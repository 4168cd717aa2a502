using System.Globalization;

namespace SupervisionCore.Kernel;

/// <summary>A text in Chinese (the default, the language of the regulations) and English.</summary>
/// <param name="Zh">Simplified Chinese text.</param>
/// <param name="En">English text.</param>
public sealed record LocalizedText(string Zh, string En)
{
    /// <summary>The text for a culture: English for any <c>en</c> culture, Chinese otherwise.</summary>
    public string Get(CultureInfo? culture) =>
        culture is not null && culture.TwoLetterISOLanguageName == "en" ? En : Zh;

    /// <summary>The text for the current UI culture.</summary>
    public override string ToString() => Get(CultureInfo.CurrentUICulture);
}
