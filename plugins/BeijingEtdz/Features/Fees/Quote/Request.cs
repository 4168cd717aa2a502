using System.Text.Json.Serialization;
using FastEndpoints;
using FluentValidation;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Plugins.BeijingEtdz.Json;
using SupervisionCore.Plugins.BeijingEtdz.Rules;

namespace SupervisionCore.Plugins.BeijingEtdz.Features.Fees.Quote;

/// <summary>One supervisor's attendance at an activity.</summary>
public sealed class Request
{
    /// <summary>Entry time (进场时间), ISO-8601 with offset.</summary>
    /// <example>2025-06-01T08:10:00+08:00</example>
    [JsonConverter(typeof(OffsetRequiredConverter))]
    public DateTimeOffset? Entry { get; set; }

    /// <summary>Exit time (离场时间), ISO-8601 with offset.</summary>
    /// <example>2025-06-01T12:30:00+08:00</example>
    [JsonConverter(typeof(OffsetRequiredConverter))]
    public DateTimeOffset? Exit { get; set; }
}

/// <summary>Entry and exit are required, exit after entry, at most 31 days apart, and within the rule's rates.</summary>
public sealed class RequestValidator : Validator<Request>
{
    /// <summary>Longest attendance quoted at once.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromDays(31);

    public RequestValidator()
    {
        var firstRate = FeeScheduleRule.Rates[0].EffectiveFrom;
        RuleFor(r => r.Entry).NotNull().WithMessage("entry（进场时间）为必填项（ISO-8601 格式并带时区偏移，如 2024-05-06T09:00:00+08:00）", "entry is required (ISO-8601 with offset, e.g. 2024-05-06T09:00:00+08:00)");
        RuleFor(r => r.Exit).NotNull().WithMessage("exit（离场时间）为必填项（ISO-8601 格式并带时区偏移，如 2024-05-06T13:00:00+08:00）", "exit is required (ISO-8601 with offset, e.g. 2024-05-06T13:00:00+08:00)");
        RuleFor(r => r.Entry)
            .Must(e => ChinaTime.DateOf(e!.Value) >= firstRate)
            .When(r => r.Entry is not null)
            .WithMessage($"entry 不能早于 {firstRate:yyyy-MM-dd}（北京时间），即 {BeijingEtdzRules.FeeSchedule.Id} 施行之日",
                $"entry must be on or after {firstRate:yyyy-MM-dd} (China time), when {BeijingEtdzRules.FeeSchedule.Id} came into force");
        RuleFor(r => r.Exit)
            .Must((r, exit) => exit > r.Entry)
            .When(r => r.Entry is not null && r.Exit is not null)
            .WithMessage("exit（离场时间）应晚于 entry（进场时间）", "exit must be after entry");
        RuleFor(r => r.Exit)
            .Must((r, exit) => exit - r.Entry <= MaxSpan)
            .When(r => r.Entry is not null && r.Exit is not null)
            .WithMessage("exit 与 entry 相隔不能超过 31 天", "exit must be at most 31 days after entry");
    }
}
