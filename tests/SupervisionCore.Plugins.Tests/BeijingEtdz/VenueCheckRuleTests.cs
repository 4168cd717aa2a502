using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class VenueCheckRuleTests
{
    private static readonly IReadOnlyList<string> Subjects = VenueCheckRule.Subjects(occupations: 1, equipment: 2);

    private static readonly Dictionary<string, string> Registration = new()
    {
        ["organisation"] = "测试评价机构", ["venue-name"] = "一号实训楼", ["venue-address"] = "经开区科创十三街", ["occupations-and-levels"] = "电工（三级）",
    };

    private static Dictionary<string, string?> Answers(string matches = "yes") => new()
    {
        ["matches-filing"] = matches, ["checked-on"] = "2025-06-12",
        ["organisation-seal"] = "已盖章", ["inspector-signature"] = "李四", ["inspecting-body-seal"] = "已盖章",
    };

    private static List<VenueCheckItem> AllMatch() => [.. Subjects.Select(s => new VenueCheckItem(s, VenueCheckRule.Matches, null))];

    private static IEnumerable<string> Fields(IReadOnlyList<VenueCheckProblem> problems) => problems.Select(p => p.Field);

    [Fact]
    public void The_subjects_are_name_address_each_occupation_and_each_equipment_line() =>
        Subjects.ShouldBe(["name", "address", "occupation-1", "equipment-1", "equipment-2"]);

    [Fact]
    public void A_complete_matching_check_has_no_problem() =>
        VenueCheckRule.Check(Subjects, AllMatch(), Answers(), Registration).ShouldBeEmpty();

    [Fact]
    public void A_mismatch_with_a_note_and_matches_filing_no_has_no_problem()
    {
        var items = AllMatch();
        items[4] = new VenueCheckItem("equipment-2", VenueCheckRule.DoesNotMatch, "备案 10 台，现场 8 台");
        VenueCheckRule.Check(Subjects, items, Answers("no"), Registration).ShouldBeEmpty();
    }

    [Fact]
    public void A_mismatch_needs_a_note()
    {
        var items = AllMatch();
        items[3] = new VenueCheckItem("equipment-1", VenueCheckRule.DoesNotMatch, " ");
        Fields(VenueCheckRule.Check(Subjects, items, Answers("no"), Registration)).ShouldBe(["items[3].note"]);
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    public void Matches_filing_must_agree_with_the_items(string said, bool oneMismatch)
    {
        var items = AllMatch();
        if (oneMismatch) items[0] = new VenueCheckItem("name", VenueCheckRule.DoesNotMatch, "门牌为二号楼");
        Fields(VenueCheckRule.Check(Subjects, items, Answers(said), Registration)).ShouldBe(["answers.matches-filing"]);
    }

    [Fact]
    public void Every_registered_fact_must_be_checked_once_and_only_registered_facts()
    {
        var items = AllMatch();
        items.RemoveAt(4);
        items.Add(new VenueCheckItem("equipment-1", VenueCheckRule.Matches, null));
        items.Add(new VenueCheckItem("equipment-9", VenueCheckRule.Matches, null));
        items.Add(new VenueCheckItem("name", "maybe", null));
        var problems = VenueCheckRule.Check(Subjects, items, Answers(), Registration);
        Fields(problems).ShouldBe(["items[4].subject", "items[5].subject", "items[6].subject", "items[6].result", "items"], ignoreOrder: true);
        problems.Single(p => p.Field == "items").Message.En.ShouldContain("equipment-2");
    }

    [Fact]
    public void The_annex_5_answers_are_checked_against_the_form()
    {
        var answers = Answers();
        answers["checked-on"] = "12/06/2025";
        answers.Remove("inspector-signature");
        answers["matches-filing"] = "perhaps";
        answers["colour"] = "blue";
        Fields(VenueCheckRule.Check(Subjects, AllMatch(), answers, Registration))
            .ShouldBe(["answers.checked-on", "answers.inspector-signature", "answers.matches-filing", "answers.colour"], ignoreOrder: true);
    }

    [Fact]
    public void The_registration_fields_are_not_the_supervisors_to_answer()
    {
        var answers = Answers();
        answers["venue-name"] = "别的楼";
        Fields(VenueCheckRule.Check(Subjects, AllMatch(), answers, Registration)).ShouldBe(["answers.venue-name"]);
    }

    [Fact]
    public void No_items_at_all_names_the_items_field() =>
        Fields(VenueCheckRule.Check(Subjects, null, Answers(), Registration)).ShouldContain("items");
}
