using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using static SupervisionCore.Kernel.Tests.TestDates;

namespace SupervisionCore.Kernel.Tests.Registry;

public class ResidentIdNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    // Builds a number with the check character of the standard's algorithm, for dates that must fail for their date alone.
    private static string WithCheck(string first17) => first17 + ResidentIdNumber.CheckCharacterOf(first17);

    [Theory]
    [InlineData("GB_11643_example_female_1949", "11010519491231002X", "11010519491231002X", Sex.Female, "1949-12-31")]
    [InlineData("GB_11643_example_male_1880", "440524188001010014", "440524188001010014", Sex.Male, "1880-01-01")]
    [InlineData("Lower_case_x_is_normalised", "11010519491231002x", "11010519491231002X", Sex.Female, "1949-12-31")]
    [InlineData("Legacy_15_digits_are_converted", "110105491231002", "11010519491231002X", Sex.Female, "1949-12-31")]
    [InlineData("Surrounding_spaces_are_ignored", " 440524188001010014 ", "440524188001010014", Sex.Male, "1880-01-01")]
    public void Accepts(string name, string text, string value, Sex sex, string birth)
    {
        ResidentIdNumber.TryParse(text, Today, out var id, out var error).ShouldBeTrue(name);
        error.ShouldBeNull();
        id.Value.ShouldBe(value);
        id.Sex.ShouldBe(sex);
        id.BirthDate.ShouldBe(D(birth));
        id.RegionCode.ShouldBe(value[..6]);
    }

    [Theory]
    [InlineData("Wrong_check_digit", "110105194912310021", ResidentIdNumberProblem.CheckDigit)]
    [InlineData("Check_X_where_digit_due", "44052418800101001X", ResidentIdNumberProblem.CheckDigit)]
    [InlineData("Seventeen_chars", "11010519491231002", ResidentIdNumberProblem.Length)]
    [InlineData("Nineteen_chars", "11010519491231002X0", ResidentIdNumberProblem.Length)]
    [InlineData("Empty", "", ResidentIdNumberProblem.Length)]
    [InlineData("Letter_in_the_middle", "1101051949A231002X", ResidentIdNumberProblem.Characters)]
    [InlineData("X_in_the_middle", "110105194912X1002X", ResidentIdNumberProblem.Characters)]
    [InlineData("Legacy_with_a_letter", "11010549123100X", ResidentIdNumberProblem.Characters)]
    [InlineData("Province_00", "001105194912310028", ResidentIdNumberProblem.Region)]
    [InlineData("Province_99", "991105194912310023", ResidentIdNumberProblem.Region)]
    [InlineData("Province_66_is_a_card_code_only", "661105194912310024", ResidentIdNumberProblem.Region)]
    public void Refuses(string name, string text, ResidentIdNumberProblem problem)
    {
        ResidentIdNumber.TryParse(text, Today, out var id, out var error).ShouldBeFalse(name);
        id.ShouldBeNull();
        error.Problem.ShouldBe(problem);
        error.Message.Zh.ShouldNotBeNullOrWhiteSpace();
        error.Message.En.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("Refuses_31_February", "11010520230231001", false)]
    [InlineData("Refuses_29_February_in_common_year_2023", "11010520230229001", false)]
    [InlineData("Refuses_29_February_1900_not_a_leap_year", "11010519000229001", false)]
    [InlineData("Accepts_29_February_2000_leap_year", "11010520000229001", true)]
    [InlineData("Accepts_29_February_2024_leap_year", "11010520240229001", true)]
    [InlineData("Refuses_month_13", "11010519491331001", false)]
    [InlineData("Accepts_1800_01_01", "11010518000101001", true)]
    [InlineData("Refuses_1799_12_31", "11010517991231001", false)]
    [InlineData("Accepts_birth_today", "11010520261123001", true)]
    [InlineData("Refuses_birth_tomorrow", "11010520261124001", false)]
    public void Birth_date_bounds(string name, string first17, bool valid)
    {
        var ok = ResidentIdNumber.TryParse(WithCheck(first17), Today, out _, out var error);
        ok.ShouldBe(valid, name);
        if (!valid) error.ShouldNotBeNull().Problem.ShouldBe(ResidentIdNumberProblem.BirthDate);
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    public void Check_character_of_the_standard_examples(string first17, char check) =>
        ResidentIdNumber.CheckCharacterOf(first17).ShouldBe(check);

    [Fact]
    public void Masks_for_output_and_never_prints_the_full_number()
    {
        var id = ResidentIdNumber.Parse("11010519491231002X", Today);
        id.Masked.ShouldBe("110105********002X");
        id.ToString().ShouldBe("110105********002X");
        $"{id}".ShouldNotContain("19491231");
        id.Value.ShouldBe("11010519491231002X");
    }

    [Fact]
    public void Parse_throws_with_the_reason()
    {
        var ex = Should.Throw<FormatException>(() => ResidentIdNumber.Parse("110105194912310021", Today));
        ex.Message.ShouldContain("check character");
    }

    [Fact]
    public void Equal_numbers_are_equal_whatever_the_input_form() =>
        ResidentIdNumber.Parse("110105491231002", Today).ShouldBe(ResidentIdNumber.Parse("11010519491231002x", Today));
}
