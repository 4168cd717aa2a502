using SupervisionCore.Kernel.Forms;

namespace SupervisionCore.Kernel.Tests.Forms;

public sealed class FormSubmissionTests
{
    private static Dictionary<string, FormAnswer> Complete() => new()
    {
        ["institution"] = new("广州某评价机构"),
        ["occupation"] = new("电工"),
        ["supervised-on"] = new("2025-03-03"),
        ["laws-and-quality-system"] = new("conforms"),
        ["evaluation-scope"] = new("conforms"),
        ["standards-and-item-bank"] = new("partly"),
        ["candidate-eligibility"] = new("conforms"),
        ["examination-order"] = new("not"),
        ["certificates"] = new("not-checked"),
        ["examiners-and-staff"] = new("conforms"),
        ["complaints"] = new("not-checked"),
        ["major-issues"] = new("not-checked"),
        ["contents"] = new("good"),
        ["supervisor-signature"] = new("李四"),
    };

    [Fact]
    public void National_report_form_is_consistent()
    {
        NationalForms.Report.Problems().ShouldBeEmpty();
        NationalForms.Report.Citation.ToString().ShouldBe("CN 10");
    }

    [Fact]
    public void A_complete_submission_fits()
    {
        FormSubmission.Validate(NationalForms.Report, Complete()).ShouldBeEmpty();
    }

    public static TheoryData<string, Action<Dictionary<string, FormAnswer>>, string, FormProblemKind> Broken() => new()
    {
        { "Unknown_item", a => a["weather"] = new("sunny"), "weather", FormProblemKind.UnknownItem },
        { "Missing_required_item", a => a.Remove("examination-order"), "examination-order", FormProblemKind.MissingRequired },
        { "Blank_required_item", a => a["occupation"] = new("  "), "occupation", FormProblemKind.MissingRequired },
        { "Option_not_in_set", a => a["certificates"] = new("maybe"), "certificates", FormProblemKind.OptionNotInSet },
        { "Two_options_for_a_single_choice", a => a["certificates"] = new(Choices: ["conforms", "not"]), "certificates", FormProblemKind.WrongType },
        { "Missing_section_rating", a => a.Remove("contents"), "contents", FormProblemKind.MissingRequired },
        { "Rating_not_in_set", a => a["contents"] = new("superb"), "contents", FormProblemKind.OptionNotInSet },
        { "Missing_signature", a => a.Remove("supervisor-signature"), "supervisor-signature", FormProblemKind.MissingRequired },
        { "Bad_date", a => a["supervised-on"] = new("2025-02-30"), "supervised-on", FormProblemKind.WrongType },
        { "Number_for_text", a => a["problems"] = new(Number: 3), "problems", FormProblemKind.WrongType },
        { "Text_too_long", a => a["problems"] = new(new string('字', FormSubmission.MaxTextLength + 1)), "problems", FormProblemKind.TooLong },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_broken_submission_names_the_item(string name, Action<Dictionary<string, FormAnswer>> breakIt, string key, FormProblemKind kind)
    {
        var answers = Complete();
        breakIt(answers);
        var problems = FormSubmission.Validate(NationalForms.Report, answers);
        problems.ShouldContain(p => p.Key == key && p.Kind == kind, name);
    }

    [Fact]
    public void Text_at_the_length_limit_is_accepted()
    {
        var answers = Complete();
        answers["problems"] = new(new string('字', FormSubmission.MaxTextLength));
        FormSubmission.Validate(NationalForms.Report, answers).ShouldBeEmpty();
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var answers = Complete();
        answers.Remove("occupation");
        answers["certificates"] = new("maybe");
        answers["x"] = new("y");
        FormSubmission.Validate(NationalForms.Report, answers).Count.ShouldBe(3);
    }
}
