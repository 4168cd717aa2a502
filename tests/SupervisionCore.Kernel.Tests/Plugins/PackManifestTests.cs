using System.Text.Json;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Plugins;

public class PackManifestTests
{
    private static PackManifest Valid() => new()
    {
        Id = "gd",
        Name = new LocalizedText("广东", "Guangdong"),
        Version = "1.0.0",
        KernelContract = "1.0",
        Assembly = "SupervisionCore.Plugins.Guangdong.dll",
        Jurisdictions = ["44"],
        SourceDocuments = [new SourceDocument("GD", new LocalizedText("细则", "Rules"), "", null)],
    };

    [Fact]
    public void A_complete_manifest_has_no_problems() => Valid().Problems().ShouldBeEmpty();

    [Theory]
    [InlineData("GD")]
    [InlineData("-gd")]
    [InlineData("gd-")]
    [InlineData("g d")]
    [InlineData("")]
    public void Rejects_bad_ids(string id) =>
        (Valid() with { Id = id }).Problems().ShouldContain(p => p.StartsWith("id ", StringComparison.Ordinal));

    [Fact]
    public void Names_each_missing_or_malformed_field()
    {
        var m = Valid() with
        {
            Name = new LocalizedText("广东", ""),
            Version = "one",
            KernelContract = "x",
            Assembly = " ",
            Jurisdictions = ["44", "4x"],
            SourceDocuments = [],
        };
        m.Problems().ShouldBe(
        [
            "name needs zh and en",
            "version 'one' is not a version",
            "kernelContract 'x' is not a version",
            "assembly is missing",
            "jurisdiction '4x' is not a code",
            "sourceDocuments are missing",
        ]);
    }

    [Fact]
    public void Empty_jurisdictions_are_a_problem() =>
        (Valid() with { Jurisdictions = [] }).Problems().ShouldBe(["jurisdictions are missing"]);

    [Fact]
    public void Deserialises_from_camel_case_json_with_web_defaults()
    {
        const string json = """
            {
              "id": "bj-etdz",
              "name": { "zh": "北京经开区", "en": "Beijing E-Town" },
              "version": "1.0.0",
              "kernelContract": "1.0",
              "assembly": "SupervisionCore.Plugins.BeijingEtdz.dll",
              "jurisdictions": ["11.ETDZ"],
              "sourceDocuments": [
                { "code": "BJ", "title": { "zh": "细则", "en": "Rules" }, "reference": "", "issuedOn": null },
                { "code": "CN", "title": { "zh": "规程", "en": "Procedure" }, "reference": "53号", "issuedOn": "2020-09-01" }
              ]
            }
            """;
        var m = JsonSerializer.Deserialize<PackManifest>(json, JsonSerializerOptions.Web).ShouldNotBeNull();
        m.Id.ShouldBe("bj-etdz");
        m.Name.En.ShouldBe("Beijing E-Town");
        m.SourceDocuments[1].IssuedOn.ShouldBe(new DateOnly(2020, 9, 1));
        m.Problems().ShouldBeEmpty();
    }
}
