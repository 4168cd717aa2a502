using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Tests.Forms;

public class FormDefinitionTests
{
    private static readonly LocalizedText T = new("文", "text");

    private static FormDefinition Sample(params FormItem[] items) => new(
        "gd.annex-4", 1, T, new Citation("GD", "annex 4", "附件4"),
        [new FormSection("checks", T, items)],
        [new FormOptionSet("yes-partly-no", [new FormOption("yes", T), new FormOption("partly", T), new FormOption("no", T)])],
        [new FormSignature("supervisor", T, Dated: true)]);

    [Fact]
    public void A_sound_form_with_repeated_source_numbers_has_no_problems() =>
        Sample(
            new FormItem("id-check", "11", T, FormItemKind.SingleChoice, true, "yes-partly-no"),
            new FormItem("order", "11", T, FormItemKind.SingleChoice, true, "yes-partly-no"),
            new FormItem("problems", null, T, FormItemKind.Text, false))
        .Problems().ShouldBeEmpty();

    [Fact]
    public void Reports_duplicate_keys_and_undefined_option_sets() =>
        Sample(
            new FormItem("a", "1", T, FormItemKind.SingleChoice, true, "missing"),
            new FormItem("a", "2", T, FormItemKind.Text, true, "yes-partly-no"),
            new FormItem("supervisor", "3", T, FormItemKind.MultipleChoice, false))
        .Problems().ShouldBe(
        [
            "key 'a' is used twice",
            "key 'supervisor' is used twice",
            "item 'a' needs a defined option set",
            "item 'a' is not a choice but names option set 'yes-partly-no'",
            "item 'supervisor' needs a defined option set",
        ]);
}
