using System.Text.Json;
using System.Text.Json.Nodes;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Forms;
using SupervisionCore.Kernel.Plugins;
using SupervisionCore.Kernel.Records;
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

    /// <summary><see cref="IDeadlinePolicy"/>: input <c>end</c> (date), optional <c>taskKind</c>; outcome <c>due</c>, <c>assumed</c>, <c>allowed</c> ({count, unit}), <c>applies</c>. Published China holiday arrangements.</summary>
    public const string Deadline = "deadline";

    /// <summary><see cref="ICardNumberScheme"/> issuing: input <see cref="CardIssueRequest"/> plus <c>serial</c>; outcome <c>passed</c>, <c>violations</c>, <c>allocationKey</c>, <c>number</c>.</summary>
    public const string CardFormat = "card-format";

    /// <summary><see cref="ICardNumberScheme"/> parsing: input <c>text</c>; outcome <c>valid</c>, <c>kind</c>, <c>year</c>, <c>serial</c>, <c>allocationKey</c>.</summary>
    public const string CardParse = "card-parse";

    /// <summary><see cref="ILifecycleRule"/>: input <c>year</c> and <c>subject</c> (<see cref="LifecycleSubject"/>); outcome <c>concerned</c>, <c>action</c> (null when nothing follows), <c>rule</c>.</summary>
    public const string Lifecycle = "lifecycle";

    /// <summary><see cref="IActivityCoverageRule"/>: input <see cref="ActivityCoverage"/>; outcome <c>violated</c>, <c>rule</c>.</summary>
    public const string Coverage = "coverage";

    /// <summary><see cref="ILifecycleRule.OnAnswer"/>: input <see cref="DispatchAnswer"/>; outcome <c>action</c> (null when nothing follows), <c>rule</c>.</summary>
    public const string Answer = "answer";

    /// <summary><see cref="ISanctionConsequenceRule"/>: input <see cref="SanctionDecision"/>; outcome <c>barred</c>, <c>scope</c>, <c>from</c>, <c>until</c>, <c>rule</c>.</summary>
    public const string Sanction = "sanction";

    /// <summary><see cref="ITaskKindProvider"/>: input <c>{}</c>; outcome <c>kinds</c> (kebab-case task kinds).</summary>
    public const string TaskKinds = "task-kinds";

    /// <summary><see cref="ICardValidityPolicy"/>: input <c>kind</c>, <c>issuedOn</c>; outcome <c>validUntil</c> (null: no expiry).</summary>
    public const string CardValidity = "card-validity";

    /// <summary><see cref="IFormBinding"/>: input <see cref="FormUse"/>'s purpose, plus <c>taskKind</c> and <c>activity</c>; outcome <c>bound</c>, <c>forms</c>.</summary>
    public const string FormBinding = "form-binding";

    /// <summary>
    /// <see cref="ICardNumberScheme"/> explaining a text no scheme parses (<see cref="ICardNumberScheme.Explain"/>,
    /// <see cref="ICardNumberScheme.Owns"/>): input <c>text</c>; outcome <c>owns</c>, <c>explained</c>, <c>violations</c>.
    /// </summary>
    public const string CardExplain = "card-explain";

    /// <summary>
    /// A submission checked against one of the pack's forms (<see cref="IFormCatalogue"/>, <see cref="FormSubmission"/>):
    /// input <c>formId</c>, optional <c>version</c> (default: the latest), <c>complete: true</c> to start from a complete
    /// sample submission (<see cref="FormSamples.Complete"/>), <c>answers</c> (added or replaced); outcome <c>valid</c>,
    /// <c>problems</c> [{key, kind}]. No extension: the case's rule is the pack's forms rule.
    /// </summary>
    public const string Form = "form";

    /// <summary>
    /// A pure decider of the pack that is no extension point (a static method over a facts record, e.g. BJ's venue check):
    /// the case names it in <c>decider</c>; <c>input</c> gives its parameters by name; outcome: for a
    /// <see cref="RuleOutcome"/> <c>passed</c>/<c>violations</c>, for a <c>Decision&lt;T&gt;</c> <c>allowed</c>/<c>violations</c>/<c>transition</c>,
    /// for a <see cref="Violation"/> <c>violated</c>/<c>rule</c>, otherwise <c>result</c> (the value as JSON).
    /// </summary>
    public const string Decide = "decide";

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
        [Answer] = typeof(ILifecycleRule),
        [Sanction] = typeof(ISanctionConsequenceRule),
        [TaskKinds] = typeof(ITaskKindProvider),
        [CardValidity] = typeof(ICardValidityPolicy),
        [FormBinding] = typeof(IFormBinding),
        [CardExplain] = typeof(ICardNumberScheme),
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
        Answer => Decision(((ILifecycleRule)extension).OnAnswer(Read<DispatchAnswer>(input))),
        Sanction => Bar(((ISanctionConsequenceRule)extension).OnSanction(Read<SanctionDecision>(input))),
        TaskKinds => new JsonObject { ["kinds"] = ToJson(((ITaskKindProvider)extension).Kinds.Order().ToList()) },
        CardValidity => Validity((ICardValidityPolicy)extension, Read<CardValidityInput>(input)),
        FormBinding => Binding((IFormBinding)extension, Read<FormBindingInput>(input)),
        CardExplain => Explain((ICardNumberScheme)extension, Read<CardParseInput>(input)),
        _ => throw new InvalidDataException($"unknown point '{point}' (known: {string.Join(", ", Interfaces.Keys)})"),
    };

    /// <summary>
    /// True when <paramref name="extension"/> has its own body for the member the point calls (an interface's default body
    /// does not count): an <see cref="ILifecycleRule"/> is judged at <c>lifecycle</c> when it implements
    /// <see cref="ILifecycleRule.CloseYear"/> and at <c>answer</c> when it implements <see cref="ILifecycleRule.OnAnswer"/>.
    /// </summary>
    public static bool Implements(string point, IRuleExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var member = point switch { Lifecycle => nameof(ILifecycleRule.CloseYear), Answer => nameof(ILifecycleRule.OnAnswer), _ => null };
        if (member is null || extension is not ILifecycleRule) return true;
        var map = extension.GetType().GetInterfaceMap(typeof(ILifecycleRule));
        var index = Array.FindIndex(map.InterfaceMethods, m => m.Name == member);
        return index >= 0 && map.TargetMethods[index].DeclaringType != typeof(ILifecycleRule);
    }

    private sealed record CardValidityInput(SupervisorKind Kind, DateOnly IssuedOn);

    private sealed record FormBindingInput(FormPurpose Purpose, TaskKind TaskKind, ActivityKind? Activity = null, string? Jurisdiction = null, DateOnly? On = null);

    private static JsonObject Validity(ICardValidityPolicy policy, CardValidityInput input) =>
        new() { ["validUntil"] = policy.ValidUntil(input.Kind, input.IssuedOn) is { } until ? ToJson(until) : null };

    private static JsonObject Binding(IFormBinding binding, FormBindingInput input)
    {
        var use = new FormUse(input.Purpose, JurisdictionCode.Parse(input.Jurisdiction ?? binding.Scope.Value), input.TaskKind, input.Activity,
            input.On ?? binding.Rule.EffectiveFrom);
        var forms = binding.FormsFor(use);
        return new JsonObject { ["bound"] = forms is not null, ["forms"] = forms is null ? null : ToJson(forms) };
    }

    private static JsonObject Explain(ICardNumberScheme scheme, CardParseInput input)
    {
        var text = input.Text ?? "";
        var outcome = scheme.Explain(text);
        return new JsonObject { ["owns"] = scheme.Owns(text), ["explained"] = outcome is not null, ["violations"] = outcome is null ? new JsonArray() : Ids(outcome.Violations) };
    }

    /// <summary>Runs a <see cref="Form"/> case: the submission against the pack's form.</summary>
    public static JsonObject RunForm(PackUnderTest pack, Case @case)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(@case);
        var input = Read<FormInput>(@case.Input);
        var versions = pack.Extensions.OfType<IFormCatalogue>().SelectMany(c => c.Forms).Where(f => f.Id == input.FormId).ToList();
        if (versions.Count == 0) throw new InvalidDataException($"pack '{pack.Pack.Id}' has no form '{input.FormId}'");
        var form = input.Version is { } v
            ? versions.SingleOrDefault(f => f.Version == v) ?? throw new InvalidDataException($"form '{input.FormId}' has no version {v}")
            : versions.OrderBy(f => f.Version).Last();
        var answers = input.Complete ? new Dictionary<string, FormAnswer>(FormSamples.Complete(form)) : [];
        foreach (var (key, answer) in input.Answers ?? new Dictionary<string, FormAnswer>()) answers[key] = answer;
        var problems = FormSubmission.Validate(form, answers);
        return new JsonObject
        {
            ["valid"] = problems.Count == 0,
            ["problems"] = new JsonArray([.. problems.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["kind"] = ToJson(p.Kind) })]),
        };
    }

    private sealed record FormInput(string FormId, int? Version = null, bool Complete = false, IReadOnlyDictionary<string, FormAnswer>? Answers = null);

    /// <summary>Runs a <see cref="Decide"/> case: the pack's static decider named by the case, with the case's input as its arguments.</summary>
    public static JsonObject RunDecider(PackUnderTest pack, Case @case)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(@case);
        var name = @case.Decider ?? throw new InvalidDataException($"case '{@case.Name}' (point decide) names no 'decider'");
        var dot = name.LastIndexOf('.');
        if (dot <= 0) throw new InvalidDataException($"decider '{name}' must be Type.Method");
        var typeName = name[..dot];
        var root = pack.Pack.GetType().Namespace;
        var type = pack.Assembly.GetType(typeName) ?? (root is null ? null : pack.Assembly.GetType(root + "." + typeName))
            ?? throw new InvalidDataException($"decider type '{typeName}' is not in pack '{pack.Pack.Id}'");
        var methods = type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Where(m => m.Name == name[(dot + 1)..]).ToList();
        if (methods.Count != 1) throw new InvalidDataException($"decider '{name}' must name exactly one public static method (found {methods.Count})");
        var method = methods[0];
        var args = method.GetParameters().Select(p =>
        {
            var node = @case.Input.FirstOrDefault(kv => string.Equals(kv.Key, p.Name, StringComparison.OrdinalIgnoreCase)).Value;
            if (node is null) return p.HasDefaultValue ? p.DefaultValue : null;
            try { return node.Deserialize(p.ParameterType, CaseJson.Options); }
            catch (JsonException ex) { throw new InvalidDataException($"input '{p.Name}' does not fit {p.ParameterType.Name}: {ex.Message}", ex); }
        }).ToArray();
        object? value;
        try { value = method.Invoke(null, args); }
        catch (System.Reflection.TargetInvocationException ex) when (ex.InnerException is ArgumentException inner)
        {
            return new JsonObject { ["error"] = inner.Message };
        }
        return value switch
        {
            RuleOutcome outcome => Outcome(outcome),
            Violation violation => Violated(violation),
            null when method.ReturnType == typeof(Violation) => Violated(null),
            _ when value?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(Decision<>) => DecisionJson(value),
            _ => new JsonObject { ["result"] = value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), CaseJson.Options) },
        };
    }

    private static JsonObject DecisionJson(object decision)
    {
        var type = decision.GetType();
        var outcome = (RuleOutcome)type.GetProperty(nameof(Decision<object>.Outcome))!.GetValue(decision)!;
        var transition = type.GetProperty(nameof(Decision<object>.Transition))!.GetValue(decision);
        return new JsonObject
        {
            ["allowed"] = (bool)type.GetProperty(nameof(Decision<object>.Allowed))!.GetValue(decision)!,
            ["violations"] = Ids(outcome.Violations),
            ["transition"] = transition is null ? null : JsonSerializer.SerializeToNode(transition, transition.GetType(), CaseJson.Options),
        };
    }

    private sealed record FeeInput(DateTimeOffset Entry, DateTimeOffset Exit);

    private sealed record DeadlineInput(DateOnly End, TaskKind? TaskKind = null, DeadlineSubject? Subject = null);

    private sealed record CardParseInput(string? Text);

    private sealed record LifecycleInput(int Year, LifecycleSubject Subject);

    /// <summary>
    /// Narrows the extensions enforcing one rule to those the input concerns, as the Host selects them: by task kind
    /// (<see cref="IDeadlinePolicy.AppliesTo"/>; the input's <c>taskKind</c>, <c>kind</c> of a task, or <c>task.kind</c>) and, for
    /// deadlines, by <c>subject</c>.
    /// </summary>
    public static IReadOnlyList<IRuleExtension> Narrow(string point, IReadOnlyList<IRuleExtension> extensions, JsonObject input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var kindNode = input["taskKind"] ?? (point == Staffing ? input["kind"] : null) ?? input["task"]?["kind"];
        IEnumerable<IRuleExtension> result = extensions;
        if (kindNode is not null && kindNode.Deserialize<TaskKind?>(CaseJson.Options) is { } kind)
            result = result.Where(e => e is not IDeadlinePolicy policy || policy.AppliesTo(kind));
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
        var applies = (input.TaskKind is not { } kind || policy.AppliesTo(kind))
                      && (input.Subject is not { } subject || policy.Subject == subject);
        if (!applies) return new JsonObject { ["applies"] = false };
        var due = policy.DueAfter(input.End, Calendar);
        return new JsonObject
        {
            ["applies"] = true, ["subject"] = ToJson(policy.Subject), ["allowed"] = ToJson(policy.Allowed),
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
