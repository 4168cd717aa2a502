using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Plugins.Guangdong.Forms;

namespace SupervisionCore.Plugins.Tests.Guangdong;

public class FormsTests
{
    private static readonly GuangdongForms Catalogue = new();

    [Fact]
    public void The_catalogue_has_annexes_3_4_and_5_and_the_printed_measures_of_article_17_at_version_1()
    {
        Catalogue.Forms.Select(f => f.Id).ShouldBe(["gd.annex-3", "gd.annex-4", "gd.annex-5", "gd.reminder-letter", "gd.quality-notice"]);
        Catalogue.Forms.ShouldAllBe(f => f.Version == 1);
        Catalogue.Forms.Select(f => f.Citation.ToString()).ShouldBe(["GD annex 3", "GD annex 4", "GD annex 5", "GD 17(三)", "GD 17(三)"]);
        Catalogue.Scope.Value.ShouldBe("44");
        ((IPackExtension)Catalogue).PackId.ShouldBe("gd");
    }

    [Theory]
    [InlineData("gd.annex-3")]
    [InlineData("gd.annex-4")]
    [InlineData("gd.annex-5")]
    [InlineData("gd.reminder-letter")]
    [InlineData("gd.quality-notice")]
    public void Each_form_is_sound(string id) => Form(id).Problems().ShouldBeEmpty();

    [Fact]
    public void Annex_3_has_the_three_veto_items_and_the_three_rated_sections()
    {
        var form = GuangdongForms.Annex3;
        var veto = form.OptionSets.Single(s => s.Key == form.Items.Single(i => i.Key == "veto-items").OptionSet);
        veto.Options.Count.ShouldBe(3);
        veto.Options[0].Label.Zh.ShouldBe("未经允许在证书核发机构核准的考场外开展鉴定考核");
        var rated = form.Sections.Where(s => s.RatingOptionSet is not null).ToList();
        rated.Select(s => s.Title.Zh).ShouldBe(["考场准备", "考试实施管理", "阅卷评分（评审）"]);
        form.OptionSets.Single(s => s.Key == "rating").Options.Select(o => o.Label.Zh).ShouldBe(["优秀", "良好", "一般", "差"]);
        rated.Select(s => s.Items.Count(i => i.Kind == FormItemKind.SingleChoice)).ShouldBe([6, 7, 4]);
        form.Items.Single(i => i.Key == "anomalies").Kind.ShouldBe(FormItemKind.MultipleChoice);
        form.Items.Single(i => i.Key == "other").Kind.ShouldBe(FormItemKind.Text);
        form.Signatures.ShouldHaveSingleItem().Dated.ShouldBeTrue();
    }

    [Fact]
    public void Annex_3_items_have_their_own_options_as_printed()
    {
        var form = GuangdongForms.Annex3;
        Labels(form, "identity-checks").ShouldBe(["严格检查，并严格执行考生持“双证”进场制度", "未检查，或检查不认真，导致身份（证件）不符、不全的考生进入考场"]);
        Labels(form, "timing").ShouldBe(["准时", "不准时"]);
        Labels(form, "staff-cards").ShouldBe(["全部佩戴", "部分佩戴", "未佩带"]);
        Labels(form, "score-recording").ShouldBe(["符合要求", "不符合要求"]);
        Labels(form, "skill-site-equipment")[1].ShouldBe("场地相对拥挤，或部分设备、材料不足，但不影响考试");
    }

    [Fact]
    public void Annex_4_numbers_items_1_to_17_with_11_printed_twice()
    {
        var form = GuangdongForms.Annex4;
        var numbered = form.Items.Where(i => i.Number is not null).ToList();
        numbered.Count.ShouldBe(18);
        numbered.Select(i => i.Number).Distinct().Count().ShouldBe(17);
        numbered.Where(i => i.Number == "11").Select(i => i.Key).ShouldBe(["item-11a", "item-11b"]);
        numbered.Select(i => i.Key).ShouldBeUnique();
        numbered.ShouldAllBe(i => i.Kind == FormItemKind.SingleChoice && i.Required);
        numbered.ShouldAllBe(i => form.OptionSets.Single(s => s.Key == i.OptionSet).Options.Count == 3);
        Labels(form, "item-11b").ShouldBe(["良好", "一般", "混乱"]);
        Labels(form, "item-12").ShouldBe(["有录像且全程、全场覆盖", "有录像但未能全程、全场覆盖", "没录像"]);
        Labels(form, "item-7").ShouldBe(["尽职", "部分人员工作不到位", "失职"]);
        form.Items.Select(i => i.Text.Zh).ShouldContain("存在问题");
        form.Items.Select(i => i.Text.Zh).ShouldContain("总体评价");
        form.Signatures.ShouldHaveSingleItem().Key.ShouldBe("supervisor");
    }

    [Fact]
    public void Annex_5_has_the_printed_fields_and_a_sealed_reporting_unit()
    {
        var form = GuangdongForms.Annex5;
        form.Items.Select(i => i.Text.Zh[..Math.Min(i.Text.Zh.Length, 8)]).ShouldBe(
            ["评价日期", "评价职业（项目）", "督导员姓名", "督导证卡号", "督导员进场时间", "督导员离场时间", "反馈情况（是否佩"]);
        form.Items.Single(i => i.Key == "entry-at").Kind.ShouldBe(FormItemKind.DateTime);
        form.Signatures.ShouldHaveSingleItem().Seal.ShouldBeTrue();
    }

    [Theory]
    [InlineData("gd.annex-3")]
    [InlineData("gd.annex-4")]
    [InlineData("gd.annex-5")]
    public void A_complete_submission_passes(string id) =>
        FormSubmission.Validate(Form(id), Complete(Form(id))).ShouldBeEmpty();

    [Fact]
    public void A_missing_duplicated_11_is_named_by_key_and_printed_number()
    {
        var answers = Complete(GuangdongForms.Annex4);
        answers.Remove("item-11b");
        var problem = FormSubmission.Validate(GuangdongForms.Annex4, answers).ShouldHaveSingleItem();
        problem.Key.ShouldBe("item-11b");
        problem.Number.ShouldBe("11");
        problem.Kind.ShouldBe(FormProblemKind.MissingRequired);
    }

    [Fact]
    public void An_option_of_another_item_is_refused_naming_the_item()
    {
        var answers = Complete(GuangdongForms.Annex4);
        answers["item-11b"] = new FormAnswer("consistent");
        var problem = FormSubmission.Validate(GuangdongForms.Annex4, answers).ShouldHaveSingleItem();
        problem.Key.ShouldBe("item-11b");
        problem.Kind.ShouldBe(FormProblemKind.OptionNotInSet);
    }

    [Fact]
    public void Annex_3_needs_its_section_ratings_and_checks_the_anomaly_boxes()
    {
        var answers = Complete(GuangdongForms.Annex3);
        answers.Remove("conduct");
        answers["anomalies"] = new FormAnswer(Choices: ["mass-absence", "late-start"]);
        var problems = FormSubmission.Validate(GuangdongForms.Annex3, answers);
        problems.ShouldContain(p => p.Key == "conduct" && p.Kind == FormProblemKind.MissingRequired);
        problems.ShouldContain(p => p.Key == "anomalies" && p.Kind == FormProblemKind.OptionNotInSet);
        problems.Count.ShouldBe(2);
    }

    [Fact]
    public void Annex_5_refuses_a_bad_entry_time_and_a_missing_seal()
    {
        var answers = Complete(GuangdongForms.Annex5);
        answers["entry-at"] = new FormAnswer("yesterday");
        answers.Remove("reporting-unit");
        var problems = FormSubmission.Validate(GuangdongForms.Annex5, answers);
        problems.ShouldContain(p => p.Key == "entry-at" && p.Kind == FormProblemKind.WrongType);
        problems.ShouldContain(p => p.Key == "reporting-unit" && p.Kind == FormProblemKind.MissingRequired);
    }

    public static TheoryData<string, string, FormProblemKind> BrokenAnnex5 => new()
    {
        // how the complete submission is broken, the key named, the problem
        { "missing:evaluated-on", "evaluated-on", FormProblemKind.MissingRequired },
        { "missing:feedback", "feedback", FormProblemKind.MissingRequired },
        { "missing:reporting-unit", "reporting-unit", FormProblemKind.MissingRequired },   // the seal of 填报单位
        { "text:evaluated-on=2024-02-30", "evaluated-on", FormProblemKind.WrongType },
        { "text:exit-at=afternoon", "exit-at", FormProblemKind.WrongType },
        { "number:card-number", "card-number", FormProblemKind.WrongType },
        { "choices:supervisor-name", "supervisor-name", FormProblemKind.WrongType },      // no item of annex 5 has options
        { "choices:reporting-unit", "reporting-unit", FormProblemKind.WrongType },
        { "choices:entry-at", "entry-at", FormProblemKind.WrongType },
        { "text:item-1=x", "item-1", FormProblemKind.UnknownItem },                        // annex 5 prints no item numbers
        { "long:feedback", "feedback", FormProblemKind.TooLong },
    };

    [Theory]
    [MemberData(nameof(BrokenAnnex5))]
    public void A_broken_annex_5_is_refused_naming_the_item_and_its_printed_number(string broken, string key, FormProblemKind kind)
    {
        var answers = Complete(GuangdongForms.Annex5);
        var how = broken[..broken.IndexOf(':', StringComparison.Ordinal)];
        var rest = broken[(how.Length + 1)..];
        var (item, value) = rest.Contains('=', StringComparison.Ordinal) ? (rest[..rest.IndexOf('=', StringComparison.Ordinal)], rest[(rest.IndexOf('=', StringComparison.Ordinal) + 1)..]) : (rest, "");
        switch (how)
        {
            case "missing": answers.Remove(item).ShouldBeTrue(item); break;
            case "text": answers[item] = new FormAnswer(value); break;
            case "number": answers[item] = new FormAnswer(Number: 7); break;
            case "choices": answers[item] = new FormAnswer(Choices: ["yes"]); break;
            case "long": answers[item] = new FormAnswer(new string('意', FormSubmission.MaxTextLength + 1)); break;
        }
        var problem = FormSubmission.Validate(GuangdongForms.Annex5, answers).ShouldHaveSingleItem(broken);
        problem.Key.ShouldBe(key);
        problem.Kind.ShouldBe(kind);
        problem.Number.ShouldBe(GuangdongForms.Annex5.Items.SingleOrDefault(i => i.Key == key)?.Number); // as printed: none on annex 5
    }

    [Fact]
    public void A_badly_broken_annex_5_names_every_item_once()
    {
        var answers = Complete(GuangdongForms.Annex5);
        answers.Remove("feedback");
        answers.Remove("reporting-unit");
        answers["entry-at"] = new FormAnswer("yesterday");
        answers["occupation"] = new FormAnswer(Choices: ["electrician"]);
        answers["card-number"] = new FormAnswer(Number: 1);
        answers["item-8"] = new FormAnswer("x");
        var problems = FormSubmission.Validate(GuangdongForms.Annex5, answers);
        problems.Select(p => (p.Key, p.Kind)).ShouldBe(
        [
            ("feedback", FormProblemKind.MissingRequired), ("reporting-unit", FormProblemKind.MissingRequired), ("entry-at", FormProblemKind.WrongType),
            ("occupation", FormProblemKind.WrongType), ("card-number", FormProblemKind.WrongType), ("item-8", FormProblemKind.UnknownItem),
        ], ignoreOrder: true);
        problems.ShouldAllBe(p => p.Number == null);
    }

    private static FormDefinition Form(string id) => Catalogue.Forms.Single(f => f.Id == id);

    private static List<string> Labels(FormDefinition form, string itemKey) =>
        [.. form.OptionSets.Single(s => s.Key == form.Items.Single(i => i.Key == itemKey).OptionSet).Options.Select(o => o.Label.Zh)];

    /// <summary>Every item, section rating and signature answered with a valid value.</summary>
    internal static Dictionary<string, FormAnswer> Complete(FormDefinition form)
    {
        var answers = new Dictionary<string, FormAnswer>(StringComparer.Ordinal);
        foreach (var item in form.Items)
        {
            var options = item.OptionSet is { } set ? form.OptionSets.Single(s => s.Key == set).Options : [];
            answers[item.Key] = item.Kind switch
            {
                FormItemKind.SingleChoice => new FormAnswer(options[0].Key),
                FormItemKind.MultipleChoice => new FormAnswer(Choices: [options[0].Key]),
                FormItemKind.Date => new FormAnswer("2024-05-06"),
                FormItemKind.DateTime => new FormAnswer("2024-05-06T08:30:00+08:00"),
                FormItemKind.Number => new FormAnswer(Number: 1),
                _ => new FormAnswer("文字"),
            };
        }
        foreach (var section in form.Sections.Where(s => s.RatingOptionSet is not null)) answers[section.Key] = new FormAnswer("good");
        foreach (var signature in form.Signatures) answers[signature.Key] = new FormAnswer("张三");
        return answers;
    }
}
