using System.Text.Json.Serialization;

namespace SupervisionCore.Plugins.Yunnan.Features.Blacklist.List;

/// <summary>One entry of the supervision dishonesty blacklist; name and ID number masked; <c>until</c> null = for good.</summary>
public sealed record Entry(string Id, string SupervisorId, string Name, string IdNumber, string Scope, DateOnly From,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateOnly? Until, ViolationDto Rule);

/// <summary>The blacklist (YN 23): registry bars in force in the caller's part of Yunnan.</summary>
public sealed record Response(string Scope, DateOnly On, IReadOnlyList<Entry> Items);
