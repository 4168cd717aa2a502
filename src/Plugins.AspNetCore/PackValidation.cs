using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using SupervisionCore.Kernel;

namespace SupervisionCore.Plugins.AspNetCore;

/// <summary>
/// Validation messages in both languages, so a pack's 400 names each field in the request's language (zh-CN by default,
/// en with <c>Accept-Language: en</c>) like the Host's own: the message is written in Chinese and English at the source,
/// picked when the request is validated, and the pair travels with the failure as its
/// <see cref="ValidationFailure.CustomState"/> (<see cref="LocalizedMessage"/>), which the Host reads when it writes the 400.
/// <code>
/// RuleFor(r => r.Year).InclusiveBetween(2000, 2100).WithMessage("'year' 应在 2000 至 2100 之间", "'year' must be between 2000 and 2100");
/// AddError(PackValidation.Failure("answers.checked-on", "核查日期不能晚于今天", "checked-on must not be in the future"));
/// </code>
/// FluentValidation's own messages (<c>NotEmpty</c>, <c>MaximumLength</c> … without <c>WithMessage</c>) are already in
/// the request's language; a message of a pack's own is given in both (a test of the Host fails on a bundled pack's
/// message without its Chinese text).
/// </summary>
public static class PackValidation
{
    /// <summary>
    /// The message of the rule's last validator in Chinese and English: the one in the request's language is sent, and
    /// <paramref name="message"/> is the failure's custom state. FluentValidation placeholders (<c>{PropertyName}</c>,
    /// <c>{ComparisonValue}</c> …) may be used in both texts.
    /// </summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, LocalizedText message)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(message);
        return rule.WithMessage(_ => InRequestLanguage(message)).WithState(_ => message);
    }

    /// <summary>The message of the rule's last validator in Chinese (<paramref name="zh"/>) and English (<paramref name="en"/>).</summary>
    public static IRuleBuilderOptions<T, TProperty> WithMessage<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, string zh, string en) =>
        rule.WithMessage(new LocalizedText(zh, en));

    /// <summary>
    /// A failure of <paramref name="property"/> (the request's JSON name or path, <c>institutionId</c>,
    /// <c>items[0].note</c>) for an endpoint's own checks: <c>AddError(…)</c> or <c>ThrowError(…)</c> of FastEndpoints.
    /// </summary>
    public static ValidationFailure Failure(string property, LocalizedText message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        ArgumentNullException.ThrowIfNull(message);
        return new ValidationFailure(property, InRequestLanguage(message)) { CustomState = message };
    }

    /// <summary>A failure of <paramref name="property"/> in Chinese (<paramref name="zh"/>) and English (<paramref name="en"/>).</summary>
    public static ValidationFailure Failure(string property, string zh, string en) => Failure(property, new LocalizedText(zh, en));

    /// <summary>The failure's message in both languages, or null when it was not given in both (<see cref="WithMessage{T, TProperty}(IRuleBuilderOptions{T, TProperty}, LocalizedText)"/>, <see cref="Failure(string, LocalizedText)"/>).</summary>
    public static LocalizedText? LocalizedMessage(this ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.CustomState as LocalizedText;
    }

    private static string InRequestLanguage(LocalizedText message) => message.Get(CultureInfo.CurrentUICulture);
}
