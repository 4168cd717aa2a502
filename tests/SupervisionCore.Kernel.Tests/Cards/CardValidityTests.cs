using SupervisionCore.Kernel.Cards;

namespace SupervisionCore.Kernel.Tests.Cards;

public class CardValidityTests
{
    public static TheoryData<string, DateOnly, DateOnly> Periods => new()
    {
        { "Issued_on_1_March_valid_to_end_of_February_three_years_later", new(2024, 3, 1), new(2027, 2, 28) },
        { "Issued_mid_June_valid_to_the_day_before_the_third_anniversary", new(2022, 6, 15), new(2025, 6, 14) },
        { "Issued_on_29_February_valid_to_28_February", new(2024, 2, 29), new(2027, 2, 28) },
        { "Issued_on_1_January_valid_to_31_December_of_the_third_year", new(2025, 1, 1), new(2027, 12, 31) },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void One_term_is_three_years_less_a_day(string name, DateOnly issuedOn, DateOnly expected)
    {
        _ = name;
        CardValidity.OneTermFrom(issuedOn).ShouldBe(expected);
    }

    [Theory]
    [InlineData("the_day_of_issue", 2025, 6, 1)]
    [InlineData("ten_years_on", 2035, 6, 1)]
    [InlineData("the_last_representable_day", 9999, 12, 31)]
    public void A_card_with_no_expiry_is_never_expired(string name, int y, int m, int d)
    {
        _ = name;
        CardValidity.HasNoExpiry(CardValidity.NoExpiry).ShouldBeTrue();
        CardValidity.StatusOn(CardValidity.NoExpiry, null, [], new DateOnly(y, m, d)).ShouldBe(CardStatus.Valid);
        CardValidity.IsHeldOn(CardValidity.NoExpiry, null, new DateOnly(y, m, d)).ShouldBeTrue();
    }

    public static TheoryData<string, DateOnly?, bool, DateOnly, CardStatus> Statuses => new()
    {
        { "Valid_on_its_last_day", null, false, new(2027, 2, 28), CardStatus.Valid },
        { "Expired_the_day_after_its_last_day", null, false, new(2027, 3, 1), CardStatus.Expired },
        { "Withdrawn_on_the_day_of_withdrawal", new DateOnly(2025, 5, 1), false, new(2025, 5, 1), CardStatus.Withdrawn },
        { "Still_valid_the_day_before_withdrawal", new DateOnly(2025, 5, 1), false, new(2025, 4, 30), CardStatus.Valid },
        { "Suspended_inside_the_suspension", null, true, new(2025, 6, 1), CardStatus.Suspended },
        { "Suspended_on_the_last_day_of_the_suspension", null, true, new(2025, 6, 30), CardStatus.Suspended },
        { "Valid_the_day_after_the_suspension", null, true, new(2025, 7, 1), CardStatus.Valid },
        { "Withdrawal_beats_suspension", new DateOnly(2025, 6, 10), true, new(2025, 6, 15), CardStatus.Withdrawn },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Status_is_derived_from_dates_and_suspensions(string name, DateOnly? withdrawnOn, bool suspended, DateOnly day, CardStatus expected)
    {
        _ = name;
        (DateOnly, DateOnly)[] suspensions = suspended ? [(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 30))] : [];
        CardValidity.StatusOn(new DateOnly(2027, 2, 28), withdrawnOn, suspensions, day).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2027-02-28", null, true)]
    [InlineData("2027-03-01", null, false)]
    [InlineData("2025-05-01", "2025-05-01", false)]
    [InlineData("2025-04-30", "2025-05-01", true)]
    public void A_card_is_held_until_it_expires_or_is_withdrawn(string day, string? withdrawnOn, bool held) =>
        CardValidity.IsHeldOn(new DateOnly(2027, 2, 28), withdrawnOn is null ? null : DateOnly.Parse(withdrawnOn, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(held);
}
