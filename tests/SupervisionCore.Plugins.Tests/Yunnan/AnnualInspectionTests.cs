using SupervisionCore.Kernel.Forms;
using SupervisionCore.Plugins.Yunnan.Forms;
using SupervisionCore.Plugins.Yunnan.Rules;
using P = SupervisionCore.Plugins.Yunnan.Rules.AnnualInspectionProcedure;

namespace SupervisionCore.Plugins.Tests.Yunnan;

/// <summary>YN 10/11: the annual inspection's procedure and its report form with scores and a total.</summary>
public class AnnualInspectionTests
{
    [Theory]
    [InlineData("", P.Notice, true)]
    [InlineData("", P.SiteVisit, false)]
    [InlineData("notice", P.SiteVisit, true)]
    [InlineData("notice", P.PreliminaryOpinion, false)]
    [InlineData("notice", P.Notice, false)]
    [InlineData("notice,site-visit", P.PreliminaryOpinion, true)]
    [InlineData("notice,site-visit,preliminary-opinion", P.Rectification, true)]
    [InlineData("notice,site-visit,preliminary-opinion", P.Report, false)]
    [InlineData("notice,site-visit,preliminary-opinion,rectification", P.Report, true)]
    [InlineData("notice,site-visit,preliminary-opinion,rectification,report", P.Report, false)]
    [InlineData("", "rebuttal", false)]
    public void Steps_go_in_the_order_of_YN_11_each_once(string done, string step, bool allowed)
    {
        var outcome = P.CanRecord(done.Length == 0 ? [] : done.Split(','), step);
        outcome.Passed.ShouldBe(allowed);
        if (!allowed) outcome.Violations.ShouldHaveSingleItem().Rule.ShouldBe("yn.task.annual-inspection");
    }

    [Fact]
    public void A_skipped_step_names_the_expected_one() =>
        P.CanRecord(["notice"], P.Report).Violations.Single().Message.En.ShouldContain("'site-visit'");

    [Fact]
    public void The_report_form_is_sound_and_scores_ten_items_with_a_total()
    {
        var form = YunnanForms.Report;
        form.Problems().ShouldBeEmpty();
        form.Title.Zh.ShouldBe("职业技能等级认定现场质量督导情况报告表");
        form.Citation.Document.ShouldBe("YN");
        YunnanForms.ScoredItems.Count.ShouldBe(10);
        YunnanForms.ScoredItems.Sum(i => i.MaxScore).ShouldBe(100);
        form.Items.Where(i => i.Kind == FormItemKind.Number).Select(i => i.Key).ShouldBe([.. YunnanForms.ScoredItems.Select(i => i.Key), YunnanForms.TotalKey]);
        new YunnanForms().Scope.Value.ShouldBe("53");
    }

    private static Dictionary<string, FormAnswer> Scores(params decimal[] scores) =>
        YunnanForms.ScoredItems.Select((item, i) => (item.Key, Answer: new FormAnswer(Number: scores[i]))).ToDictionary(x => x.Key, x => x.Answer);

    [Fact]
    public void The_total_is_the_sum_of_the_item_scores()
    {
        var (total, outcome) = InspectionScoring.Total(Scores(10, 9, 8, 7, 6, 5, 4, 3, 2, 1));
        outcome.Passed.ShouldBeTrue();
        total.ShouldBe(55);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(0, true)]
    [InlineData(11, false)]
    [InlineData(-1, false)]
    [InlineData(7.5, false)]
    public void An_item_scores_a_whole_number_from_0_to_10(double first, bool valid)
    {
        var (_, outcome) = InspectionScoring.Total(Scores((decimal)first, 5, 5, 5, 5, 5, 5, 5, 5, 5));
        outcome.Passed.ShouldBe(valid);
        if (!valid) outcome.Violations.ShouldHaveSingleItem().Rule.ShouldBe("yn.task.annual-inspection");
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(49, false)]
    public void A_given_total_must_add_up(int given, bool valid)
    {
        var answers = Scores(5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        answers[YunnanForms.TotalKey] = new FormAnswer(Number: given);
        InspectionScoring.Total(answers).Outcome.Passed.ShouldBe(valid);
    }
}
