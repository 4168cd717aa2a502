using System.Text.Json;
using System.Text.Json.Serialization;
using SupervisionCore.Kernel.Registry;

namespace SupervisionCore.Plugins.Testing.Cases;

/// <summary>The JSON shape of case inputs and outcomes: camelCase, enums as kebab-case strings, jurisdictions as codes.</summary>
public static class CaseJson
{
    /// <summary>Serializer options for inputs and outcomes.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.Converters.Add(new JurisdictionCodeConverter());
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    private sealed class JurisdictionCodeConverter : JsonConverter<JurisdictionCode>
    {
        public override JurisdictionCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.Number ? reader.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) : reader.GetString();
            return JurisdictionCode.TryParse(text, out var code) ? code : throw new JsonException($"'{text}' is not a jurisdiction code (CN, 44, 44.A)");
        }

        public override void Write(Utf8JsonWriter writer, JurisdictionCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
