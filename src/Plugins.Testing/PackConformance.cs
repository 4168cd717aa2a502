using System.Net;
using System.Text.Json.Nodes;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.Testing.Cases;
using SupervisionCore.Plugins.Testing.Hosting;
using Xunit;

namespace SupervisionCore.Plugins.Testing;

/// <summary>
/// The conformance tests every policy pack passes. A pack's test project declares one class
/// <c>public sealed class MyPackConformance : PackConformance&lt;MyPack.PolicyPack&gt; { }</c> and gets:
/// manifest complete and matching the pack; every rule with id, citation and effective period, unique, prefixed with the
/// pack's rule prefix; every extension enforcing a catalogued rule inside the pack's jurisdictions; forms sound and
/// fillable; the pack's case tables run through its rules; and the pack loaded in the real Host next to the bundled packs
/// (routes under <c>/api/v1/regions/{id}/</c>, none anonymous unless listed in <see cref="PublicRoutes"/>, OpenAPI
/// documents generated without schema-id collisions, rules in the Host's catalogue).
/// Override the virtual members when the defaults do not fit the test project's layout.
/// </summary>
/// <typeparam name="TPack">The pack's <see cref="IPolicyPack"/> class.</typeparam>
public abstract class PackConformance<TPack> : ICaseSource
    where TPack : IPolicyPack, new()
{
    private PackUnderTest? _subject;

    /// <summary>The pack, its manifest and its extensions.</summary>
    protected PackUnderTest Subject => _subject ??= new PackUnderTest(new TPack(), ManifestPath, Configuration);

    /// <summary>
    /// The pack's <c>pack.json</c>. Default: <c>packs/{id}/pack.json</c> under the test output if present (several packs
    /// in one test project), else <c>pack.json</c> beside the pack assembly (a pack project copies it to the output).
    /// </summary>
    protected virtual string ManifestPath
    {
        get
        {
            var id = new TPack().Id;
            var perPack = Path.Combine(AppContext.BaseDirectory, "packs", id, "pack.json");
            return File.Exists(perPack) ? perPack : Path.Combine(Path.GetDirectoryName(typeof(TPack).Assembly.Location)!, "pack.json");
        }
    }

    /// <summary>The folder of the pack's case tables. Default: <c>cases/{id}/</c> under the test output if present, else <c>cases/</c>.</summary>
    protected virtual string CasesFolder
    {
        get
        {
            var perPack = Path.Combine(AppContext.BaseDirectory, "cases", new TPack().Id);
            return Directory.Exists(perPack) ? perPack : Path.Combine(AppContext.BaseDirectory, "cases");
        }
    }

    string ICaseSource.CasesFolder => CasesFolder;

    /// <summary>Configuration the pack's extensions read (as the Host's configuration would give it). Default: none.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>();

    /// <summary>Routes that are public (anonymous) on purpose, as <c>"GET /api/v1/regions/{id}/…"</c> with the OpenAPI path template.</summary>
    protected virtual IReadOnlyCollection<string> PublicRoutes { get; } = [];

    /// <summary>Files beside the pack assembly that ship with it (private dependencies), copied into the pack's folder for the Host.</summary>
    protected virtual IReadOnlyCollection<string> PrivateFiles { get; } = [];

    /// <summary>Settings given to the Host started for <see cref="Loads_in_the_real_Host_next_to_the_bundled_packs"/>.</summary>
    protected virtual IReadOnlyDictionary<string, string?> HostSettings { get; } = new Dictionary<string, string?>();

    /// <summary>The manifest exists, has every field, matches the pack and targets a contract this kernel offers.</summary>
    [Fact]
    public void Manifest_is_complete_and_matches_the_pack()
    {
        var manifest = Subject.Manifest;
        var pack = Subject.Pack;
        Assert.Empty(manifest.Problems());
        Assert.Equal(pack.Id, manifest.Id);
        Assert.True(PackIds.IsValid(pack.Id), $"pack id '{pack.Id}' must be lower-case letters, digits and '-'");
        Assert.Null(KernelContract.Incompatibility(Version.Parse(manifest.KernelContract)));
        Assert.Equal(Subject.Assembly.GetName().Name + ".dll", manifest.Assembly);
        Assert.True(pack.Id == pack.RulePrefix || pack.Id.StartsWith(pack.RulePrefix + "-", StringComparison.Ordinal),
            $"rule prefix '{pack.RulePrefix}' must be the pack id '{pack.Id}' or its first part before a '-'");
        var governed = Governed();
        foreach (var node in pack.Jurisdictions)
            Assert.True(JurisdictionCode.TryParse(node.Code, out var code) && governed.Any(g => g.Contains(code)),
                $"jurisdiction '{node.Code}' the pack adds is not inside its manifest's jurisdictions ({string.Join(", ", manifest.Jurisdictions)})");
        Assert.All(pack.Jurisdictions, j => Assert.False(string.IsNullOrWhiteSpace(j.Name.Zh) || string.IsNullOrWhiteSpace(j.Name.En), $"{j.Code} needs a zh and an en name"));
    }

    /// <summary>Every rule has an id, a title in both languages, a citation of a source document of the manifest and an effective period.</summary>
    [Fact]
    public void Rules_have_ids_citations_and_effective_periods()
    {
        var pack = Subject.Pack;
        Assert.NotEmpty(pack.Rules);
        var documents = Subject.Manifest.SourceDocuments.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var governed = Governed();
        Assert.All(pack.Rules, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Id), "a rule has no id");
            Assert.True(r.Title is { } t && !string.IsNullOrWhiteSpace(t.Zh) && !string.IsNullOrWhiteSpace(t.En), $"{r.Id}: title needs zh and en");
            Assert.True(r.Citation is { } c && !string.IsNullOrWhiteSpace(c.Document) && !string.IsNullOrWhiteSpace(c.Article) && !string.IsNullOrWhiteSpace(c.ArticleZh),
                $"{r.Id}: citation needs a document, an article and the article in the document's words");
            Assert.True(documents.Contains(r.Citation.Document), $"{r.Id}: cites '{r.Citation.Document}', not a source document of the manifest ({string.Join(", ", documents)})");
            Assert.True(r.EffectiveFrom != default, $"{r.Id}: needs a first day in force");
            Assert.True(r.EffectiveTo is null || r.EffectiveTo >= r.EffectiveFrom, $"{r.Id}: ends ({r.EffectiveTo}) before it begins ({r.EffectiveFrom})");
            Assert.True(r.Pack == pack.Id, $"{r.Id}: names pack '{r.Pack}', not '{pack.Id}'");
            Assert.True(governed.Any(g => g.Contains(r.Jurisdiction)), $"{r.Id}: applies in {r.Jurisdiction}, outside the manifest's jurisdictions");
        });
    }

    /// <summary>Rule ids carry the pack's prefix; an id appears once per period, and versions of one rule do not overlap.</summary>
    [Fact]
    public void Rule_ids_are_unique_and_carry_the_pack_prefix()
    {
        var pack = Subject.Pack;
        Assert.All(pack.Rules, r => Assert.True(r.Id.StartsWith(pack.RulePrefix + ".", StringComparison.Ordinal) && r.Id.Length > pack.RulePrefix.Length + 1,
            $"rule '{r.Id}' must start with '{pack.RulePrefix}.'"));
        Assert.All(pack.Rules, r => Assert.Matches("^[a-z0-9]+(?:[.-][a-z0-9]+)*$", r.Id));
        foreach (var versions in pack.Rules.GroupBy(r => r.Id))
        {
            var ordered = versions.OrderBy(v => v.EffectiveFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i - 1].EffectiveTo is { } end && end < ordered[i].EffectiveFrom,
                    $"rule '{versions.Key}' has versions from {ordered[i - 1].EffectiveFrom:yyyy-MM-dd} and {ordered[i].EffectiveFrom:yyyy-MM-dd} that overlap (a new version begins after the old one ends)");
        }
    }

    /// <summary>Every extension is the pack's, applies inside its jurisdictions and enforces a rule of its catalogue.</summary>
    [Fact]
    public void Extensions_enforce_catalogued_rules_inside_the_pack()
    {
        var pack = Subject.Pack;
        var governed = Governed();
        Assert.All(Subject.Extensions, e =>
        {
            var name = e.GetType().Name;
            Assert.True(e.PackId == pack.Id, $"{name}: PackId is '{e.PackId}', not '{pack.Id}'");
            Assert.True(governed.Any(g => g.Contains(e.Scope)), $"{name}: scope {e.Scope} is outside the manifest's jurisdictions");
            if (e is IRuleExtension r)
            {
                Assert.True(pack.Rules.Contains(r.Rule), $"{name}: enforces '{r.Rule.Id}' (from {r.Rule.EffectiveFrom:yyyy-MM-dd}), which is not in the pack's catalogue");
                Assert.True(r.Rule.Jurisdiction.Contains(e.Scope) || e.Scope.Contains(r.Rule.Jurisdiction), $"{name}: scope {e.Scope} and its rule's jurisdiction {r.Rule.Jurisdiction} are unrelated");
            }
        });
    }

    /// <summary>Every form is sound, has a unique (id, version) prefixed with the pack id, cites a source document, and a complete submission passes while an empty one names every required item.</summary>
    [Fact]
    public void Forms_are_sound_and_validate_submissions()
    {
        var pack = Subject.Pack;
        var documents = Subject.Manifest.SourceDocuments.Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var forms = Subject.Extensions.OfType<IFormCatalogue>().SelectMany(c => c.Forms).ToList();
        Assert.All(forms.GroupBy(f => (f.Id, f.Version)), g => Assert.True(g.Count() == 1, $"form {g.Key.Id} v{g.Key.Version} is defined twice"));
        Assert.All(forms, form =>
        {
            Assert.True(form.Id.StartsWith(pack.Id + ".", StringComparison.Ordinal) || form.Id.StartsWith(pack.RulePrefix + ".", StringComparison.Ordinal),
                $"form '{form.Id}' must start with '{pack.Id}.'");
            Assert.Empty(form.Problems());
            Assert.True(documents.Contains(form.Citation.Document), $"form {form.Id}: cites '{form.Citation.Document}', not a source document of the manifest");
            Assert.NotEmpty(form.Items);
            var complete = FormSamples.Complete(form);
            var problems = FormSubmission.Validate(form, complete);
            Assert.True(problems.Count == 0, $"form {form.Id}: a complete submission is refused: {string.Join("; ", problems.Select(p => p.Message.En))}");
            var missing = FormSubmission.Validate(form, new Dictionary<string, FormAnswer>()).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var item in form.Items.Where(i => i.Required)) Assert.Contains(item.Key, missing);
            var unknown = FormSubmission.Validate(form, new Dictionary<string, FormAnswer>(complete) { ["no-such-item"] = new("x") });
            Assert.Contains(unknown, p => p.Kind == FormProblemKind.UnknownItem && p.Key == "no-such-item");
        });
    }

    /// <summary>
    /// A 400 of the pack names each field in the request's language, like the Host's: every message of the pack's
    /// validators is given in Chinese and English (<c>WithMessage(zh, en)</c> of SupervisionCore.Plugins.AspNetCore's
    /// <c>PackValidation</c>, Chinese first) or is FluentValidation's own. A validator needing a service of the Host is not
    /// made here.
    /// </summary>
    [Fact]
    public void Validation_messages_are_given_in_Chinese_and_English()
    {
        var (problems, _, _) = ValidationMessages.Inspect(Subject.Assembly, Configuration);
        Assert.True(problems.Count == 0, $"pack '{Subject.Pack.Id}': validation messages not given in both languages (see docs/plugins.md, Endpoints):\n  " + string.Join("\n  ", problems));
    }

    /// <summary>
    /// Every rule of the pack's catalogue has boundary cases in the case tables (a case naming the rule id, judged by its
    /// extension, through another rule's extension with <c>via</c>, a form or a pure decider): a rule added without cases
    /// fails here, naming it.
    /// </summary>
    [Fact]
    public void Every_rule_has_cases()
    {
        var covered = CaseFile.Find(CasesFolder).SelectMany(CaseFile.Read).Select(c => c.Rule).ToHashSet(StringComparer.Ordinal);
        var missing = Subject.Pack.Rules.Select(r => r.Id).Distinct().Where(id => !covered.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0,
            $"pack '{Subject.Pack.Id}': no case in '{CasesFolder}' names rule(s) {string.Join(", ", missing)}: add a case table (cases/*.yaml) for each (see docs/plugins.md)");
    }

    /// <summary>One case of the pack's case tables, run through the extension enforcing its rule.</summary>
    /// <param name="file">The table, relative to <see cref="CasesFolder"/>.</param>
    /// <param name="name">The case.</param>
    [Theory]
    [PackCases]
    public void Case(string file, string name)
    {
        ArgumentNullException.ThrowIfNull(file);
        Assert.False(name == PackCasesAttribute.NoTables,
            $"pack '{Subject.Pack.Id}' has no case tables in '{file}': add *.yaml or *.json tables of boundary cases (see docs/plugins.md)");
        var path = Path.Combine(CasesFolder, file);
        var cases = CaseFile.Read(path); // throws with the reason when the table is unreadable
        var @case = Assert.Single(cases, c => c.Name == name);
        var result = CaseRunner.Run(Subject, @case);
        Assert.True(result.Passed, $"{file} / {name} (rule {@case.Rule}):\n  {string.Join("\n  ", result.Mismatches)}\n  actual outcome: {result.Actual.ToJsonString()}");
    }

    /// <summary>
    /// The pack, copied into a plugins folder next to the Host's bundled packs, loads in the real Host (all enabled) on a
    /// throwaway database: the Host starts, lists the pack, serves its rules in the catalogue of each of its jurisdictions,
    /// generates every OpenAPI document (a schema-id collision fails generation), and every route of the pack is under
    /// <c>/api/v1/regions/{id}/</c> and answers 401 without a token unless it is one of <see cref="PublicRoutes"/>.
    /// </summary>
    [Fact]
    public async Task Loads_in_the_real_Host_next_to_the_bundled_packs()
    {
        var (hostFolder, problem) = HostLocator.Find(GetType().Assembly);
        Assert.True(hostFolder is not null, problem);
        var id = Subject.Pack.Id;
        var work = Directory.CreateTempSubdirectory("sc-conformance-").FullName;
        var plugins = Path.Combine(work, "plugins");
        var enabled = new List<string>();
        var bundled = Path.Combine(hostFolder!, "plugins");
        if (Directory.Exists(bundled))
            foreach (var folder in Directory.GetDirectories(bundled).Where(d => File.Exists(Path.Combine(d, "pack.json"))))
            {
                var bundledId = Path.GetFileName(folder);
                if (bundledId == id) continue; // the pack under test replaces a bundled copy of itself
                CopyFolder(folder, Path.Combine(plugins, bundledId));
                enabled.Add(bundledId);
            }
        PlacePack(Path.Combine(plugins, id));
        enabled.Add(id);

        await using var host = HostRun.Start(hostFolder!, plugins, enabled, work, HostSettings);
        await host.WaitReadyAsync(TimeSpan.FromMinutes(5)); // a safety net for a loaded machine, not a speed check
        var token = await host.AdminTokenAsync();
        using var client = host.CreateClient(token);

        var packs = JsonNode.Parse(await client.GetStringAsync(new Uri("api/v1/packs", UriKind.Relative)))!;
        Assert.Contains(packs["items"]!.AsArray(), p => (string?)p!["id"] == id);

        var today = ChinaTime.DateOf(DateTimeOffset.UtcNow);
        foreach (var jurisdiction in Subject.Manifest.Jurisdictions)
        {
            var rules = JsonNode.Parse(await client.GetStringAsync(new Uri($"api/v1/rules?jurisdiction={Uri.EscapeDataString(jurisdiction)}", UriKind.Relative)))!;
            var listed = rules["items"]!.AsArray().Select(r => (string?)r!["id"]).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in Subject.Pack.Rules.Where(r => r.IsInForceOn(today)))
                Assert.True(listed.Contains(rule.Id), $"GET /api/v1/rules?jurisdiction={jurisdiction} does not list '{rule.Id}'");
        }

        JsonNode? own = null;
        foreach (var doc in enabled.Prepend("kernel"))
        {
            using var response = await client.GetAsync(new Uri($"swagger/{doc}/swagger.json", UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"OpenAPI document '{doc}' failed with the pack '{id}' loaded ({(int)response.StatusCode}): {Truncate(body)}\n{Truncate(host.Output)}");
            if (doc == id) own = JsonNode.Parse(body);
        }

        var paths = own!["paths"]?.AsObject() ?? [];
        Assert.True(paths.Count > 0, $"the OpenAPI document of '{id}' lists no route");
        using var anonymous = host.CreateClient();
        foreach (var (path, item) in paths)
        {
            Assert.StartsWith($"/api/v1/regions/{id}/", path, StringComparison.Ordinal);
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                var route = $"{method.ToUpperInvariant()} {path}";
                if (PublicRoutes.Contains(route)) continue;
                Assert.True(operation!["security"] is JsonArray { Count: > 0 }, $"{route} is anonymous: secure it with Roles(...) or list it in PublicRoutes");
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), new Uri(Fill(path, operation).TrimStart('/'), UriKind.Relative));
                if (method is "post" or "put" or "patch") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                using var response = await anonymous.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{route} without a token answered {(int)response.StatusCode}, not 401");
            }
        }
    }

    /// <summary>
    /// Puts the pack's files into <paramref name="folder"/> the way a deployment would: the pack assembly (and its
    /// symbols), <c>pack.json</c> and the <see cref="PrivateFiles"/>. Override to copy a build or publish folder instead.
    /// </summary>
    protected virtual void PlacePack(string folder)
    {
        Directory.CreateDirectory(folder);
        var assembly = Subject.Assembly.Location;
        var source = Path.GetDirectoryName(assembly)!;
        File.Copy(assembly, Path.Combine(folder, Path.GetFileName(assembly)), overwrite: true);
        var pdb = Path.ChangeExtension(assembly, ".pdb");
        if (File.Exists(pdb)) File.Copy(pdb, Path.Combine(folder, Path.GetFileName(pdb)), overwrite: true);
        File.Copy(Subject.ManifestPath, Path.Combine(folder, "pack.json"), overwrite: true);
        foreach (var file in PrivateFiles) File.Copy(Path.Combine(source, file), Path.Combine(folder, file), overwrite: true);
    }

    private List<JurisdictionCode> Governed() =>
        [.. Subject.Manifest.Jurisdictions.Select(j => JurisdictionCode.TryParse(j, out var c) ? c : throw new InvalidDataException($"'{j}' is not a jurisdiction code"))];

    private static string Fill(string path, JsonNode operation)
    {
        var parameters = operation["parameters"]?.AsArray() ?? [];
        foreach (var p in parameters.Where(p => (string?)p!["in"] == "path"))
        {
            var name = (string)p!["name"]!;
            var schema = p["schema"];
            var value = (string?)schema?["format"] == "uuid" ? Guid.NewGuid().ToString()
                : (string?)schema?["type"] is "integer" or "number" ? "1" : "x";
            path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }
        return path;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..4000] + "…";
}
