using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SupervisionCore.Plugins.Testing.Cases;

/// <summary>
/// One boundary case of a case table: a rule, the facts it judges, the outcome expected (OpenFisca-style test files,
/// so rule authors who are not programmers can add cases). See <c>docs/plugins.md</c> for the format.
/// </summary>
/// <param name="File">The table's file name.</param>
/// <param name="Name">The case's name, unique in its file.</param>
/// <param name="Rule">The rule id (the case's own, or the table's).</param>
/// <param name="Point">The extension point (<see cref="CasePoints"/>), or null to infer it from the rule.</param>
/// <param name="On">The date of the act: the rule must be in force on it, or the outcome is <c>inForce: false</c>.</param>
/// <param name="Input">The facts, in the JSON shape of the point's kernel record.</param>
/// <param name="Expect">The expected outcome: every property given must match; properties left out are not checked.</param>
/// <param name="Via">
/// The rule of the extension that judges this case's rule, when the rule is checked inside another rule's extension (GD:
/// <c>gd.card.issuer-scope</c> via <c>gd.card.external-format</c>'s scheme); null when the rule's own extension judges it.
/// </param>
/// <param name="Decider">
/// For point <c>decide</c>: the pack's pure decider, <c>Namespace.Type.Method</c> (or relative to the pack's root
/// namespace, <c>Rules.VenueCheckRule.Check</c>); <c>input</c> names its parameters.
/// </param>
public sealed record Case(string File, string Name, string Rule, string? Point, DateOnly? On, JsonObject Input, JsonObject Expect, string? Via = null, string? Decider = null);

/// <summary>
/// Reads case tables: <c>*.yaml</c>, <c>*.yml</c> or <c>*.json</c> files holding an object with optional table-wide
/// <c>rule</c>, <c>point</c>, <c>on</c>, <c>via</c> and <c>decider</c>, and <c>cases</c>: a list of objects with
/// <c>name</c>, optional <c>rule</c>/<c>point</c>/<c>on</c>/<c>via</c>/<c>decider</c>, <c>input</c> and <c>expect</c>. In YAML, unquoted <c>true</c>/<c>false</c>,
/// <c>null</c>/<c>~</c> and numbers are typed (a number with a leading zero such as <c>0001</c> stays text); quote a
/// value to keep it text.
/// </summary>
public static class CaseFile
{
    /// <summary>File extensions read as case tables.</summary>
    public static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>Every case table file under <paramref name="folder"/> (recursively), in name order.</summary>
    public static IReadOnlyList<string> Find(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Reads every case of <paramref name="path"/>; throws <see cref="InvalidDataException"/> naming the file and case on a malformed table.</summary>
    public static IReadOnlyList<Case> Read(string path)
    {
        var name = Path.GetFileName(path);
        JsonNode? root;
        try
        {
            root = Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
                ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
                : FromYaml(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or YamlException)
        {
            throw new InvalidDataException($"{name}: not a valid case table: {ex.Message}", ex);
        }
        if (root is not JsonObject table || table["cases"] is not JsonArray cases)
            throw new InvalidDataException($"{name}: a case table is an object with a 'cases' list");

        var tableRule = Text(table, "rule");
        var tablePoint = Text(table, "point");
        var tableVia = Text(table, "via");
        var tableDecider = Text(table, "decider");
        var tableOn = Date(table, "on", name, "(table)");
        var result = new List<Case>();
        var index = 0;
        foreach (var node in cases)
        {
            index++;
            if (node is not JsonObject c) throw new InvalidDataException($"{name}: case {index} is not an object");
            var caseName = Text(c, "name") ?? throw new InvalidDataException($"{name}: case {index} has no 'name'");
            var rule = Text(c, "rule") ?? tableRule ?? throw new InvalidDataException($"{name}: case '{caseName}' names no 'rule' (nor does the table)");
            var input = c["input"] as JsonObject ?? throw new InvalidDataException($"{name}: case '{caseName}' has no 'input' object");
            var expect = c["expect"] as JsonObject ?? throw new InvalidDataException($"{name}: case '{caseName}' has no 'expect' object");
            if (result.Any(r => r.Name == caseName)) throw new InvalidDataException($"{name}: case name '{caseName}' is used twice");
            result.Add(new Case(name, caseName, rule, Text(c, "point") ?? tablePoint, Date(c, "on", name, caseName) ?? tableOn,
                (JsonObject)input.DeepClone(), (JsonObject)expect.DeepClone(), Text(c, "via") ?? tableVia, Text(c, "decider") ?? tableDecider));
        }
        return result;
    }

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static DateOnly? Date(JsonObject o, string key, string file, string caseName)
    {
        var text = Text(o, key);
        if (text is null) return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new InvalidDataException($"{file}: case '{caseName}': '{key}' must be a date YYYY-MM-DD, not '{text}'");
    }

    /// <summary>Converts a YAML document to JSON, typing plain scalars as YAML 1.2's core schema does.</summary>
    public static JsonNode? FromYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidDataException($"unsupported YAML node at {node.Start}"),
    };

    private static JsonValue? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return JsonValue.Create(true);
            case "false" or "False" or "FALSE": return JsonValue.Create(false);
        }
        var leadingZero = text.Length > 1 && text[0] == '0' && char.IsAsciiDigit(text[1]);
        if (!leadingZero && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return JsonValue.Create(l);
        if (!leadingZero && text.Any(c => c == '.') && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m))
            return JsonValue.Create(m);
        return JsonValue.Create(text);
    }
}
