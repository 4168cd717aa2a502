using System.Text.Json;
using SupervisionCore.Plugins.AspNetCore;
using SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Quote;

namespace SupervisionCore.Plugins.Tests.BeijingEtdz;

public class FeeQuoteRequestTests
{
    private static readonly RequestValidator Validator = new();

    private static Request R(string? entry, string? exit) => JsonSerializer.Deserialize<Request>(
        JsonSerializer.Serialize(new { entry, exit }), JsonSerializerOptions.Web)!;

    [Fact]
    public void Accepts_a_valid_attendance() =>
        Validator.Validate(R("2024-05-06T09:00:00+08:00", "2024-05-06T13:00:00+08:00")).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData(null, "2024-05-06T13:00:00+08:00", "entry is required")]
    [InlineData("2024-05-06T09:00:00+08:00", null, "exit is required")]
    [InlineData("2024-05-06T09:00:00+08:00", "2024-05-06T09:00:00+08:00", "exit must be after entry")]
    [InlineData("2024-05-06T09:00:00+08:00", "2024-05-06T08:00:00+08:00", "exit must be after entry")]
    [InlineData("2024-05-01T09:00:00+08:00", "2024-06-01T09:00:01+08:00", "exit must be at most 31 days after entry")]
    [InlineData("2022-12-31T09:00:00+08:00", "2022-12-31T10:00:00+08:00", "entry must be on or after 2023-01-01")]
    public void Rejects_with_a_message_naming_the_field(string? entry, string? exit, string message)
    {
        var result = Validator.Validate(R(entry, exit));
        result.IsValid.ShouldBeFalse();
        // In both languages (PackValidation): the English text is the one named here, the Chinese one is sent by default.
        var failure = result.Errors.ShouldHaveSingleItem();
        failure.LocalizedMessage().ShouldNotBeNull().En.ShouldStartWith(message);
        failure.ErrorMessage.ShouldBe(failure.LocalizedMessage()!.Get(System.Globalization.CultureInfo.CurrentUICulture));
    }

    [Fact]
    public void Allows_exactly_31_days() =>
        Validator.Validate(R("2024-05-01T09:00:00+08:00", "2024-06-01T09:00:00+08:00")).IsValid.ShouldBeTrue();

    [Theory]
    [InlineData("2024-05-06T09:00:00")]
    [InlineData("2024-05-06")]
    [InlineData("yesterday")]
    public void Rejects_a_time_without_offset_when_binding(string entry) =>
        Should.Throw<JsonException>(() => R(entry, "2024-05-06T13:00:00+08:00"));

    [Theory]
    [InlineData("2024-05-06T09:00:00Z")]
    [InlineData("2024-05-06T09:00:00.123+08:00")]
    [InlineData("2024-05-06T09:00:00-05:00")]
    public void Binds_times_with_offset(string entry) => R(entry, null).Entry.ShouldNotBeNull();
}
