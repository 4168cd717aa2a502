using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Rules;

public class NationalRulesTests
{
    // RULES.md "Kernel — national procedure (CN)": id and article, embedded (../shared is not available in CI).
    public static TheoryData<string, string> Expected => new()
    {
        { "cn.supervisor.kinds", "4" },
        { "cn.supervisor.conditions", "6" },
        { "cn.card.requires-training", "7" },
        { "cn.card.issuer-level", "7" },
        { "cn.card.external-format", "annex 一" },
        { "cn.card.internal-format", "annex 二" },
        { "cn.card.serial-sequence", "annex" },
        { "cn.dispatch.random", "8" },
        { "cn.appointment.term", "8" },
        { "cn.appointment.max-terms", "8" },
        { "cn.report.required", "10" },
        { "cn.assessment.failed", "11" },
        { "cn.task.kinds", "13" },
        { "cn.task.double-random", "14, 15" },
        { "cn.special.group-size", "15" },
        { "cn.special.procedure", "15" },
        { "cn.recusal.conflict", "16" },
        { "cn.recusal.examiner", "16" },
        { "cn.sanction.supervisor-dismissal", "17" },
        { "cn.sanction.institution-ladder", "18" },
        // Added by this project beyond RULES.md (docs/rules.md).
        { "cn.complaint.investigation", "12(三)" },
        { "cn.special.matters", "15" },
        { "cn.special.self-report", "15(二)" },
        { "cn.assessment.record", "11" },
        { "cn.supervisor.file", "11" },
        { "cn.parameters.not-retroactive", "20" },
    };

    [Fact]
    public void Catalogue_has_the_20_cn_rows_in_order_then_the_added_ones() =>
        NationalRules.All.Select(r => r.Id).ShouldBe(Expected.Select(row => (string)row[0]));

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_rule_cites_CN_at_its_article(string id, string article)
    {
        var rule = NationalRules.Find(id).ShouldNotBeNull();
        rule.Citation.Document.ShouldBe("CN");
        rule.Citation.Article.ShouldBe(article);
        rule.Citation.ToString().ShouldBe($"CN {article}");
        rule.Citation.ArticleZh.ShouldNotBeNullOrWhiteSpace();
        rule.Title.Zh.ShouldNotBeNullOrWhiteSpace();
        rule.Title.En.ShouldNotBeNullOrWhiteSpace();
        rule.Jurisdiction.ShouldBe(JurisdictionCode.National);
        rule.Pack.ShouldBe("cn");
        rule.EffectiveFrom.ShouldBe(new DateOnly(2020, 9, 1));
        rule.EffectiveTo.ShouldBeNull();
    }

    [Fact]
    public void Ids_are_unique() => NationalRules.All.Select(r => r.Id).ShouldBeUnique();

    [Fact]
    public void Named_fields_are_the_catalogue_entries()
    {
        NationalRules.MaxTerms.Id.ShouldBe("cn.appointment.max-terms");
        NationalRules.MaxTerms.Citation.ArticleZh.ShouldBe("第八条");
        NationalRules.CardExternalFormat.Citation.ArticleZh.ShouldBe("附件 证卡编码规则 一");
        NationalRules.TaskDoubleRandom.Citation.ArticleZh.ShouldBe("第十四条、第十五条");
        NationalRules.All.ShouldContain(NationalRules.SpecialGroupSize);
    }

    [Fact]
    public void Source_document_is_53_of_2020()
    {
        NationalRules.Source.Code.ShouldBe("CN");
        NationalRules.Source.Reference.ShouldBe("人社职司便函〔2020〕53号");
        NationalRules.Source.IssuedOn.ShouldBe(new DateOnly(2020, 9, 1));
    }

    [Theory]
    [InlineData("2020-08-31", false)]
    [InlineData("2020-09-01", true)]
    [InlineData("2030-01-01", true)]
    public void In_force_from_the_date_of_issue(string day, bool inForce) =>
        NationalRules.MaxTerms.IsInForceOn(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(inForce);

    [Theory]
    [InlineData("CN")]
    [InlineData("44")]
    [InlineData("11.ETDZ")]
    public void Applies_everywhere(string where) =>
        NationalRules.RecusalConflict.AppliesTo(JurisdictionCode.Parse(where)).ShouldBeTrue();

    [Fact]
    public void A_violation_names_rule_and_citation()
    {
        var v = NationalRules.MaxTerms.Violated(new LocalizedText("第四届", "fourth term"));
        v.Rule.ShouldBe("cn.appointment.max-terms");
        v.Citation.ShouldBe("CN 8");
    }
}
