using System.Globalization;
using FastEndpoints;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Results;
using SupervisionCore.Kernel;
using SupervisionCore.Plugins.AspNetCore;

namespace SupervisionCore.Host.Errors;

/// <summary>
/// 400 validation problems in the request's language (zh-CN default, en by <c>Accept-Language</c>): the title, every
/// field message and the binding failures. FluentValidation's own messages (NotEmpty, MaximumLength …) are translated by
/// its language manager; the Host's custom messages (<c>WithMessage("…")</c>, written in English) are looked up in
/// <see cref="ValidationMessages.Zh"/> when the request is in Chinese — a test fails when a validator of the Host has a
/// message without its Chinese text. Messages built at run time (<see cref="Text"/>) carry both languages themselves, and so
/// do the packs' (<see cref="PackValidation"/>: a pack has no entry in the Host's table).
/// </summary>
public static class ValidationLanguage
{
    /// <summary>Title of a 400 validation problem.</summary>
    public static readonly LocalizedText Title = new("请求参数验证失败", "One or more validation errors occurred.");

    /// <summary>True when the request's language is Chinese.</summary>
    public static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh" || culture.Name.Length == 0;

    /// <summary>A field message in the request's language.</summary>
    public static string Text(string zh, string en) => IsChinese(CultureInfo.CurrentUICulture) ? zh : en;

    /// <summary>A custom message (the English text of a validator) in the request's language.</summary>
    public static string Translate(string message) =>
        IsChinese(CultureInfo.CurrentUICulture) && ValidationMessages.Zh.TryGetValue(message, out var zh) ? zh : message;

    /// <summary>Installs the translation of custom messages for every validator (the Host's and the packs': FluentValidation is shared).</summary>
    public static void Install() => ValidatorOptions.Global.MessageFormatterFactory = () => new TranslatingFormatter();

    /// <summary>FastEndpoints' validation problems: localised title, messages translated where not done at validation time.</summary>
    public static void Configure(ErrorOptions errors) => errors.UseProblemDetails(p =>
    {
        p.TitleTransformer = _ => Title.Get(CultureInfo.CurrentUICulture);
        p.ResponseBuilder = (failures, http, status) =>
        {
            // Messages given in both languages (a pack's PackValidation: the pair is the failure's state) are sent in the
            // request's language; messages added by endpoints (AddError/ThrowError with a catalogued English text) are translated here.
            foreach (var failure in failures) failure.ErrorMessage = InRequestLanguage(failure);
            return new FastEndpoints.ProblemDetails(failures, http.Request.Path, http.TraceIdentifier, status);
        };
    });

    /// <summary>
    /// A failure's message in the request's language: the pair a pack gave (<see cref="PackValidation"/>) when the message is
    /// still one of its two texts (not formatted with placeholders), else the translation of a catalogued English text.
    /// </summary>
    internal static string InRequestLanguage(ValidationFailure failure) =>
        failure.LocalizedMessage() is { } pair && (failure.ErrorMessage == pair.Zh || failure.ErrorMessage == pair.En)
            ? Text(pair.Zh, pair.En)
            : Translate(failure.ErrorMessage);

    /// <summary>Query, route and form values that cannot be bound to their property's type.</summary>
    public static string BindingFailure(Type type, string property, Microsoft.Extensions.Primitives.StringValues value) =>
        Text($"无法将值“{value}”绑定为 {property} 所需的 {Friendly(type)} 类型", $"Unable to bind [{value}] to a [{Friendly(type)}] for '{property}'");

    /// <summary>A JSON body that cannot be read (syntax, or a value of the wrong type).</summary>
    public static ValidationFailure JsonFailure(System.Text.Json.JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "serializerErrors" : ex.Path.TrimStart('$', '.');
        return new ValidationFailure(path, Text(
            $"请求体不是有效的 JSON 或值的类型不符（{(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path)}，第 {ex.LineNumber + 1} 行）",
            $"the JSON body is invalid or a value has the wrong type ({(string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path)}, line {ex.LineNumber + 1})"));
    }

    private static string Friendly(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name;

    private sealed class TranslatingFormatter : MessageFormatter
    {
        public override string BuildMessage(string messageTemplate) => base.BuildMessage(Translate(messageTemplate));
    }
}
