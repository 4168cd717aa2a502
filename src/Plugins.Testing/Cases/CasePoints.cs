using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Registry;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Plugins.Testing.Cases;

/// <summary>
/// The extension points a case can exercise: for each, the kernel interface, the JSON shape of <c>input</c> and the
/// outcome <c>expect</c> is matched against. Inputs are the kernel's own records in camelCase (enums kebab-case).
/// </summary>
public static class CasePoints
{
    /// <summary><see cref="IEligibilityRule"/>: input <see cref="EligibilityContext"/> (candidate, stage, onDate, task); outcome <c>passed</c>, <c>violations</c> (rule ids).</summary>
    public const string Eligibility = "eligibility";

    /// <summary><see cref="IDispatchConstraint"/>: input <see cref="DispatchContext"/> (candidate, task, history); outcome <c>excluded</c>, <c>rule</c>.</summary>
    public const string Dispatch = "dispatch";

    /// <summary><see cref="IStaffingRule"/>: input <see cref="TaskInfo"/>; outcome <c>governed</c>, <c>kind</c>, <c>required</c>, <c>allowed</c>.</summary>
    public const string Staffing = "staffing";

    /// <summary><see cref="IFeeSchedule"/>: input <c>entry</c>, <c>exit</c> (ISO instants with offset); outcome <c>total</c>, <c>days</c> [date, minutes, hours, unit, amount], or <c>error</c>.</summary>
    public const string Fee = "fee";

    /// <summary><see cref="IDeadlinePolicy"/>: input <c>end</c> (date), optional <c>taskKind</c>; outcome <c>due</c>, <c>assumed</c>, <c>workingDaysAllowed</c>, <c>applies</c>. Published China holiday arrangements.</summary>
    public const string Deadline = "deadline";

    /// <summary><see cref="ICardNumberScheme"/> issuing: input <see cref="CardIssueRequest"/> plus <c>serial</c>; outcome <c>passed</c>, <c>violations</c>, <c>allocationKey</c>, <c>number</c>.</summary>
    public const string CardFormat = "card-format";

    /// <summary><see cref="ICardNumberScheme"/> parsing: input <c>text</c>; outcome <c>valid</c>, <c>kind</c>, <c>year</c>, <c>serial</c>, <c>allocationKey</c>.</summary>
    public const string CardParse = "card-parse";

    /// <summary><see cref="ILifecycleRule"/>: input <c>year</c> and <c>subject</c> (<see cref="LifecycleSubject"/>); outcome <c>concerned</c>, <c>action</c> (null when nothing follows), <c>rule</c>.</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary><see cref="IActivityCoverageRule"/>: input <see cref="ActivityCoverage"/>; outcome <c>violated</c>, <c>rule</c>.</summary>
    public const string Coverage = "coverage";

    /// <summary><see cref="IDispatchAnswerRule"/>: input <see cref="DispatchAnswer"/>; outcome <c>action</c> (null when nothing follows), <c>rule</c>.</summary>
    public const string Answer = "answer";

    /// <summary><see cref="ISanctionConsequenceRule"/>: input <see cref="SanctionDecision"/>; outcome <c>barred</c>, <c>scope</c>, <c>from</c>, <c>until</c>, <c>rule</c>.</summary>
    public const string Sanction = "sanction";

    /// <summary>Every point with its interface.</summary>
    public static IReadOnlyDictionary<string, Type> Interfaces { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        [Eligibility] = typeof(IEligibilityRule),
        [Dispatch] = typeof(IDispatchConstraint),
        [Staffing] = typeof(IStaffingRule),
        [Fee] = typeof(IFeeSchedule),
        [Deadline] = typeof(IDeadlinePolicy),
        [CardFormat] = typeof(ICardNumberScheme),
        [CardParse] = typeof(ICardNumberScheme),
        [Lifecycle] = typeof(ILifecycleRule),
        [Coverage] = typeof(IActivityCoverageRule),
        [Answer] = typeof(IDispatchAnswerRule),
        [Sanction] = typeof(ISanctionConsequenceRule),
    };

    private static readonly IWorkingDayCalendar Calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();

    /// <summary>Runs <paramref name="input"/> through <paramref name="extension"/> at <paramref name="point"/> and returns the outcome as JSON.</summary>
    public static JsonObject Run(string point, IRuleExtension extension, JsonObject input) => point switch
    {
        Eligibility => Outcome(((IEligibilityRule)extension).Check(Read<EligibilityContext>(input))),
        Dispatch => Exclusion(((IDispatchConstraint)extension).Evaluate(Read<DispatchContext>(input))),
        Staffing => Staff(((IStaffingRule)extension).RequirementFor(Read<TaskInfo>(input))),
        Fee => Quote((IFeeSchedule)extension, Read<FeeInput>(input)),
        Deadline => Due((IDeadlinePolicy)extension, Read<DeadlineInput>(input)),
        CardFormat => FormatCard((ICardNumberScheme)extension, input),
        CardParse => ParseCard((ICardNumberScheme)extension, Read<CardParseInput>(input)),
        Lifecycle => Close((ILifecycleRule)extension, Read<LifecycleInput>(input)),
        Coverage => Violated(((IActivityCoverageRule)extension).Check(Read<ActivityCoverage>(input))),
        Answer => Decision(((IDispatchAnswerRule)extension).OnAnswer(Read<DispatchAnswer>(input))),
        Sanction => Bar(((ISanctionConsequenceRule)extension).OnSanction(Read<SanctionDecision>(input))),
        _ => throw new InvalidDataException($"unknown point '{point}' (known: {string.Join(", ", Interfaces.Keys)})"),
    };

    private sealed record FeeInput(DateTimeOffset Entry, DateTimeOffset Exit);

    private sealed record DeadlineInput(DateOnly End, TaskKind? TaskKind = null, DeadlineSubject? Subject = null);

    private sealed record CardParseInput(string? Text);

    private sealed record LifecycleInput(int Year, LifecycleSubject Subject);

    /// <summary>
    /// Narrows the extensions enforcing one rule to those the input concerns, as the Host selects them: by task kind
    /// (<see cref="ITaskKindScoped"/>; the input's <c>taskKind</c>, <c>kind</c> of a task, or <c>task.kind</c>) and, for
    /// deadlines, by <c>subject</c>.
    /// </summary>
    public static IReadOnlyList<IRuleExtension> Narrow(string point, IReadOnlyList<IRuleExtension> extensions, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kindNode = input["taskKind"] ?? (point == Staffing ? input["kind"] : null) ?? input["task"]?["kind"];
        IEnumerable<IRuleExtension> result = extensions;
        if (kindNode is not null && kindNode.Deserialize<TaskKind?>(CaseJson.Options) is { } kind)
            result = result.Where(e => e is not ITaskKindScoped scoped || scoped.AppliesTo(kind));
        if (point == Deadline && input["subject"] is { } subjectNode && subjectNode.Deserialize<DeadlineSubject?>(CaseJson.Options) is { } subject)
            result = result.Where(e => e is IDeadlinePolicy p && p.Subject == subject);
        return [.. result];
    }

    private static T Read<T>(JsonNode input)
    {
        try
        {
            return input.Deserialize<T>(CaseJson.Options) ?? throw new InvalidDataException($"input is empty (expected {typeof(T).Name})");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"input does not fit {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    private static JsonNode? ToJson<T>(T value) => JsonSerializer.SerializeToNode(value, CaseJson.Options);

    private static JsonArray Ids(IEnumerable<Violation> violations) => [.. violations.Select(v => (JsonNode?)JsonValue.Create(v.Rule))];

    private static JsonObject Outcome(RuleOutcome outcome) => new() { ["passed"] = outcome.Passed, ["violations"] = Ids(outcome.Violations) };

    private static JsonObject Exclusion(DispatchExclusion? exclusion) =>
        new() { ["excluded"] = exclusion is not null, ["rule"] = exclusion?.RuleId };

    private static JsonObject Staff(StaffingRequirement? requirement) => requirement is null
        ? new JsonObject { ["governed"] = false }
        : new JsonObject { ["governed"] = true, ["kind"] = ToJson(requirement.Kind), ["required"] = requirement.Required, ["allowed"] = requirement.Allowed };

    private static JsonObject Quote(IFeeSchedule schedule, FeeInput input)
    {
        FeeQuote quote;
        try { quote = schedule.Quote(input.Entry, input.Exit); }
        catch (ArgumentException ex) { return new JsonObject { ["error"] = ex.Message }; }
        return new JsonObject
        {
            ["total"] = quote.Total,
            ["rule"] = quote.RuleId,
            ["days"] = new JsonArray([.. quote.Days.Select(d => (JsonNode)new JsonObject
            {
                ["date"] = ToJson(d.Date), ["minutes"] = d.Minutes, ["hours"] = d.Hours, ["unit"] = ToJson(d.Unit), ["amount"] = d.Amount,
            })]),
        };
    }

    private static JsonObject Due(IDeadlinePolicy policy, DeadlineInput input)
    {
        var applies = (input.TaskKind is not { } kind || policy is not ITaskKindScoped scoped || scoped.AppliesTo(kind))
                      && (input.Subject is not { } subject || policy.Subject == subject);
        if (!applies) return new JsonObject { ["applies"] = false };
        var due = policy.DueAfter(input.End, Calendar);
        return new JsonObject
        {
            ["applies"] = true, ["subject"] = ToJson(policy.Subject), ["workingDaysAllowed"] = policy.WorkingDaysAllowed,
            ["due"] = ToJson(due.Due), ["assumed"] = due.Assumed,
        };
    }

    private static JsonObject FormatCard(ICardNumberScheme scheme, JsonObject input)
    {
        var copy = (JsonObject)input.DeepClone();
        var serialNode = copy["serial"];
        copy.Remove("serial");
        var request = Read<CardIssueRequest>(copy);
        var result = Outcome(scheme.CanIssue(request));
        if (!result["passed"]!.GetValue<bool>()) return result;
        result["allocationKey"] = scheme.AllocationKey(request).ToString();
        if (serialNode is not null)
        {
            var serial = serialNode.Deserialize<int>(CaseJson.Options);
            result["inRange"] = scheme.Serials.Contains(serial);
            if (scheme.Serials.Contains(serial)) result["number"] = scheme.Format(request, serial);
        }
        return result;
    }

    private static JsonObject ParseCard(ICardNumberScheme scheme, CardParseInput input) =>
        scheme.TryParse(input.Text, out var number)
            ? new JsonObject
            {
                ["valid"] = true, ["value"] = number.Value, ["kind"] = ToJson(number.Kind), ["year"] = number.Year,
                ["serial"] = number.Serial, ["allocationKey"] = number.AllocationKey.ToString(),
            }
            : new JsonObject { ["valid"] = false };

    private static JsonObject Close(ILifecycleRule rule, LifecycleInput input)
    {
        if (!rule.Concerns(input.Subject.Kind)) return new JsonObject { ["concerned"] = false, ["action"] = null };
        var decision = rule.CloseYear(input.Year, input.Subject);
        return new JsonObject { ["concerned"] = true, ["action"] = decision is null ? null : ToJson(decision.Action), ["rule"] = decision?.Violation.Rule };
    }

    private static JsonObject Violated(Violation? violation) => new() { ["violated"] = violation is not null, ["rule"] = violation?.Rule };

    private static JsonObject Decision(LifecycleDecision? decision) =>
        new() { ["action"] = decision is null ? null : ToJson(decision.Action), ["rule"] = decision?.Violation.Rule };

    private static JsonObject Bar(RegistryBar? bar) => bar is null
        ? new JsonObject { ["barred"] = false }
        : new JsonObject
        {
            ["barred"] = true, ["scope"] = bar.Scope.Value, ["from"] = ToJson(bar.From), ["until"] = bar.Until is { } u ? ToJson(u) : null,
            ["rule"] = bar.Violation.Rule,
        };
}
