using System.Text.Json;
using System.Text.Json.Serialization;

namespace SupervisionCore.Host.Features.Parameters.AddValue;

/// <summary>Reads a parameter value sent as a JSON string or a JSON number (kept as its exact text: <c>812.50</c> stays <c>812.50</c>).</summary>
public sealed class TextOrNumberConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
        JsonTokenType.Null => null,
        _ => throw new JsonException("value must be a string or a number"),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
