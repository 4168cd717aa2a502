using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Plugins.BeijingEtdz.Forms;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class FormsTests
{
    private static readonly BeijingEtdzForms Catalogue = new();

    private static FormDefinition Form(string id) => Catalogue.Forms.Single(f => f.Id == id);

    private static IEnumerable<FormItem> Numbered(FormDefinition form) => form.Items.Where(i => i.Number is not null);

    [Fact]
    public void Every_form_is_sound_version_1_and_cites_its_annex()
    {
        Catalogue.Forms.Select(f => (f.Id, f.Citation.ToString())).ShouldBe(
        [
            ("bj-etdz.annex-3-onsite", "BJ annex 3"), ("bj-etdz.annex-3-after", "BJ annex 3"), ("bj-etdz.annex-4", "BJ annex 4"),
            ("bj-etdz.annex-5", "BJ annex 5"), ("bj-etdz.annex-6", "BJ annex 6"),
            ("bj-etdz.annex-7-in-progress", "BJ annex 7"), ("bj-etdz.annex-7-after", "BJ annex 7"),
        ]);
        foreach (var form in Catalogue.Forms)
        {
            form.Problems().ShouldBeEmpty(form.Id);
            form.Version.ShouldBe(1);
            form.Id.ShouldStartWith("bj-etdz.");
        }
        Catalogue.Scope.ShouldBe(JurisdictionCode.Parse("11.ETDZ"));
        Catalogue.PackId.ShouldBe("bj-etdz");
    }

    [Theory]
    [InlineData(BeijingEtdzForms.RecognitionOnSiteId, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,16,17")]
    [InlineData(BeijingEtdzForms.RecognitionAfterId, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16")]
    [InlineData(BeijingEtdzForms.CompetitionInProgressId, "1,2,3,4,5,6,7,8,9,10,11")]
    [InlineData(BeijingEtdzForms.CompetitionAfterId, "1,2,3,4,5,6,7,8,9,10,11,12,13")]
    public void Yes_no_items_keep_the_printed_numbers(string id, string numbers)
    {
        var form = Form(id);
        var items = Numbered(form).ToList();
        items.Select(i => i.Number).ShouldBe(numbers.Split(','));
        items.ShouldAllBe(i => i.Kind == FormItemKind.SingleChoice && i.OptionSet == "yes-no" && i.Required && i.Key == "item-" + i.Number);
        foreach (var item in items) form.Items.ShouldContain(r => r.Key == item.Key + "-remark" && r.Kind == FormItemKind.Text && !r.Required);
        form.OptionSets.Single(o => o.Key == "yes-no").Options.Select(o => o.Label.Zh).ShouldBe(["是", "否"]);
    }

    [Fact]
    public void The_on_site_record_has_no_item_15_and_keeps_the_printed_groups()
    {
        var form = Form(BeijingEtdzForms.RecognitionOnSiteId);
        Numbered(form).Count().ShouldBe(16);
        form.Items.ShouldNotContain(i => i.Number == "15" || i.Key == "item-15");
        form.Sections.Select(s => s.Title.Zh).ShouldBe(
        [
            "基本信息", "政策制度执行情况", "考前督导检查 · 评价计划", "考前督导检查 · 资格审核", "考前督导检查 · 人员安排", "考前督导检查 · 现场布置",
            "考中督导检查 · 人员履职", "考中督导检查 · 认定过程", "考中督导检查 · 评分过程", "意见",
        ]);
        form.Items.Single(i => i.Key == "item-16").Text.Zh.ShouldBe("评价现场秩序有序");
        form.Signatures.Select(s => s.Signer.Zh).ShouldBe(["外督员", "机构负责人"]);
        form.Items.Single(i => i.Key == "problems").Text.Zh.ShouldBe("存在问题");
    }

    [Fact]
    public void The_feedback_venue_check_and_schedule_have_the_printed_fields()
    {
        Form(BeijingEtdzForms.FeedbackId).Items.Select(i => i.Text.Zh.Split('（')[0]).ShouldBe(["外督员姓名", "外督员进场时间", "外督员离场时间", "工作反馈情况"]);
        Form(BeijingEtdzForms.FeedbackId).Items.Where(i => i.Kind == FormItemKind.DateTime).Select(i => i.Key).ShouldBe(["entered-at", "left-at"]);
        var venue = Form(BeijingEtdzForms.VenueCheckId);
        venue.Items.Single(i => i.Key == "matches-filing").OptionSet.ShouldBe("yes-no");
        venue.Items.Single(i => i.Key == "checked-on").Kind.ShouldBe(FormItemKind.Date);
        venue.Signatures.Select(s => s.Signer.Zh).ShouldBe(["社会培训评价组织（盖章）", "核查人员（签字）", "核查机构（盖章）"]);
        var schedule = Form(BeijingEtdzForms.CompetitionScheduleId);
        schedule.Sections.Count.ShouldBe(7);
        schedule.Sections[0].Items.Select(i => i.Text.Zh).ShouldBe(["督导类型（事中/事后）", "竞赛项目名称", "竞赛地点", "职业（工种）", "人数", "开始时间", "结束时间", "督导员姓名", "备注"]);
        schedule.Sections[0].Items.Count(i => i.Required).ShouldBe(8);
        schedule.Sections.Skip(1).SelectMany(s => s.Items).ShouldAllBe(i => !i.Required);
        schedule.OptionSets.ShouldHaveSingleItem().Options.Select(o => o.Label.Zh).ShouldBe(["事中", "事后"]);
    }

    private static Dictionary<string, FormAnswer> ValidOnSite()
    {
        var answers = Numbered(Form(BeijingEtdzForms.RecognitionOnSiteId)).ToDictionary(i => i.Key, _ => new FormAnswer("yes"));
        answers["item-9"] = new FormAnswer("no");
        answers["item-9-remark"] = new FormAnswer("无备用考场");
        answers["institution"] = new FormAnswer("某评价机构");
        answers["plan-name"] = new FormAnswer("2025年第3批电工认定");
        answers["recognition-form"] = new FormAnswer("考试");
        answers["supervisor-signature"] = new FormAnswer("李四");
        answers["institution-head-signature"] = new FormAnswer("王五");
        return answers;
    }

    [Fact]
    public void A_complete_on_site_record_passes() =>
        FormSubmission.Validate(Form(BeijingEtdzForms.RecognitionOnSiteId), ValidOnSite()).ShouldBeEmpty();

    [Fact]
    public void A_broken_on_site_record_names_the_items()
    {
        var answers = ValidOnSite();
        answers.Remove("item-16");
        answers["item-17"] = new FormAnswer("maybe");
        answers["item-15"] = new FormAnswer("yes");
        var problems = FormSubmission.Validate(Form(BeijingEtdzForms.RecognitionOnSiteId), answers);
        problems.Select(p => (p.Key, p.Number, p.Kind)).OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(
        [
            ("item-15", null, FormProblemKind.UnknownItem),
            ("item-16", "16", FormProblemKind.MissingRequired),
            ("item-17", "17", FormProblemKind.OptionNotInSet),
        ]);
        problems.Single(p => p.Key == "item-16").Message.Zh.ShouldBe("第16项为必填");
    }

    [Fact]
    public void A_competition_record_needs_every_item_the_opinion_and_both_signatures()
    {
        var form = Form(BeijingEtdzForms.CompetitionAfterId);
        var answers = Numbered(form).ToDictionary(i => i.Key, _ => new FormAnswer("yes"));
        answers["unit"] = new FormAnswer("某竞赛主办单位");
        answers["project"] = new FormAnswer("电工技能竞赛");
        answers["supervisor-opinion"] = new FormAnswer("符合相关规定");
        answers["supervisor-signature"] = new FormAnswer("李四");
        answers["organiser-head-signature"] = new FormAnswer("赵六");
        FormSubmission.Validate(form, answers).ShouldBeEmpty();

        answers.Remove("item-13");
        answers.Remove("supervisor-opinion");
        FormSubmission.Validate(form, answers).Select(p => p.Key).Order(StringComparer.Ordinal).ShouldBe(["item-13", "supervisor-opinion"]);
    }

    [Fact]
    public void The_in_progress_record_asks_theory_or_practical()
    {
        var form = Form(BeijingEtdzForms.CompetitionInProgressId);
        var answers = Numbered(form).ToDictionary(i => i.Key, _ => new FormAnswer("no"));
        answers["unit"] = new FormAnswer("某单位");
        answers["project"] = new FormAnswer("焊工竞赛");
        answers["content"] = new FormAnswer(Choices: ["theory", "practical"]);
        answers["supervisor-opinion"] = new FormAnswer("第8项：试卷密封破损");
        answers["supervisor-signature"] = new FormAnswer("李四");
        answers["site-head-signature"] = new FormAnswer("钱七");
        FormSubmission.Validate(form, answers).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            p => p.Key.ShouldBe("content"), p => p.Kind.ShouldBe(FormProblemKind.WrongType));
        answers["content"] = new FormAnswer("practical");
        FormSubmission.Validate(form, answers).ShouldBeEmpty();
    }

    [Fact]
    public void A_schedule_row_checks_numbers_and_times()
    {
        var form = Form(BeijingEtdzForms.CompetitionScheduleId);
        var answers = new Dictionary<string, FormAnswer>
        {
            ["row-1.kind"] = new("in-progress"), ["row-1.project"] = new("电工技能竞赛"), ["row-1.venue"] = new("经开区某中心"),
            ["row-1.occupation"] = new("电工"), ["row-1.contestants"] = new(Number: 180), ["row-1.starts-at"] = new("2025-06-10T08:30:00+08:00"),
            ["row-1.ends-at"] = new("2025-06-10T17:00:00+08:00"), ["row-1.supervisors"] = new("李四、王五"),
            ["filled-by"] = new("张三"), ["reviewed-by"] = new("赵六"),
        };
        FormSubmission.Validate(form, answers).ShouldBeEmpty();
        answers["row-2.contestants"] = new("很多");
        answers["row-2.kind"] = new("during");
        FormSubmission.Validate(form, answers).Select(p => (p.Key, p.Kind)).OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(
            [("row-2.contestants", FormProblemKind.WrongType), ("row-2.kind", FormProblemKind.OptionNotInSet)]);
    }
}

public class ZoneAuthoritiesTests
{
    [Fact]
    public void The_zone_bureau_appoints_and_dispatches_but_issues_no_cards()
    {
        var catalogue = new ZoneAuthorities();
        catalogue.PackId.ShouldBe("bj-etdz");
        catalogue.Scope.ShouldBe(JurisdictionCode.Parse("11.ETDZ"));
        var bureau = catalogue.Authorities.ShouldHaveSingleItem();
        bureau.Id.ShouldBe("11.ETDZ");
        bureau.Kind.ShouldBe(AuthorityKind.ZoneBureau);
        bureau.Jurisdiction.ShouldBe(JurisdictionCode.Parse("11.ETDZ"));
        bureau.CardIssuerCode.ShouldBeNull();
        bureau.Name.Zh.ShouldBe("北京经济技术开发区社会事业局");
        bureau.IsProvincialOrHigher.ShouldBeFalse();
        // External cards come from the Beijing municipal centre, which the kernel already provides.
        NationalAuthorities.All.ShouldContain(a => a.Id == "11" && a.CardIssuerCode == "11" && a.Kind == AuthorityKind.ProvincialCentre);
    }

    [Fact]
    public void Every_BJ_extension_declares_its_pack_and_zone()
    {
        IRuleExtension[] extensions =
        [
            new AgeLimitRule(), new InternalCardScheme(), new InternalCardScopeRule(), new RecognitionStaffingRule(), new CompetitionStaffingRule(),
            new RecognitionRecordDeadline(), new InstitutionFeedbackDeadline(), new CompetitionRecordDeadline(), new FeeScheduleRule(),
            new RecordFormBinding(), new FeedbackFormBinding(), new TaskKindsRule(), new AppointedRule(), new CardValidityPolicy(),
            new RotationRule(), new InternalFullCoverageRule(), new SupervisionCore.Plugins.BeijingEtdz.Sanctions.BeijingEtdzSanctionGrounds(),
        ];
        foreach (var e in extensions)
        {
            e.PackId.ShouldBe("bj-etdz");
            e.Rule.Pack.ShouldBe("bj-etdz");
            e.Scope.ShouldBe(e.Rule.Jurisdiction);
            BeijingEtdzRules.All.ShouldContain(e.Rule);
        }
        typeof(BeijingEtdzRules).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPackExtension).IsAssignableFrom(t))
            .Select(t => t.Name).Order(StringComparer.Ordinal).ShouldBe(
            [
                "AgeLimitRule", "AppointedRule", "BeijingEtdzForms", "BeijingEtdzParameters", "BeijingEtdzSanctionGrounds", "CardValidityPolicy", "CompetitionRecordDeadline", "CompetitionStaffingRule", "FeeScheduleRule",
                "FeedbackFormBinding", "InstitutionFeedbackDeadline", "InternalCardFace", "InternalCardScheme", "InternalCardScopeRule", "InternalFullCoverageRule", "RecognitionRecordDeadline",
                "RecognitionStaffingRule", "RecordFormBinding", "RotationRule", "TaskKindsRule", "ZoneAuthorities",
            ]);
    }
}
