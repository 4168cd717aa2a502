using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupervisionCore.Plugins.BeijingEtdz.Json;

/// <summary>
/// Reads an ISO-8601 instant only when it carries its offset (<c>Z</c> or <c>±hh:mm</c>). Without this, a time such as
/// <c>2024-05-06T09:00:00</c> would silently be read in the server's zone and could land on another China day.
/// </summary>
public sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return null;
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("Expected an ISO-8601 date-time string with offset.");
        var text = reader.GetString() ?? string.Empty;
        if (!HasOffset(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            throw new JsonException($"'{text}' is not an ISO-8601 date-time with offset (e.g. 2024-05-06T09:00:00+08:00).");
        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v) writer.WriteStringValue(v.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        else writer.WriteNullValue();
    }

    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.Ordinal);
        if (t < 0) return false;
        var time = text.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.IndexOfAny('+', '-') >= 0;
    }
}
