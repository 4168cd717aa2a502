using BenchmarkDotNet.Attributes;
using SupervisionCore.Kernel.Appointments;
using SupervisionCore.Kernel.Calendar;
using SupervisionCore.Kernel.Cards;
using SupervisionCore.Kernel.Dispatch;
using SupervisionCore.Kernel.Dispatch.Rules;

namespace SupervisionCore.Bench.Micro;

/// <summary>National external card numbers (card annex): format from parts, parse back.</summary>
[MemoryDiagnoser]
public class CardNumbers
{
    private readonly NationalExternalCardScheme _scheme = new();
    private string _number = "";

    [GlobalSetup]
    public void Setup() => _number = _scheme.Format("44", 2025, 1234).Value!;

    [Benchmark]
    public string Format() => _scheme.Format("44", 2025, 1234).Value!;

    [Benchmark]
    public DecodedCardNumber Parse() => _scheme.Parse(_number).Value!;
}

/// <summary>Rule evaluation: the dispatchability rule (cn.dispatch.random) over a supervisor's standing.</summary>
[MemoryDiagnoser]
public class RuleEvaluation
{
    private readonly DispatchabilityRule _rule = new();
    private readonly DispatchStanding _standing = new()
    {
        Terms = [new AppointmentTerm(new DateOnly(2024, 1, 1))],
        Card = new CardStanding("W44240001", new DateOnly(2024, 1, 1)),
        Suspensions = [new DateRange(new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31))],
    };

    [Benchmark]
    public bool Dispatchable() => _rule.Check(_standing, new DateOnly(2025, 6, 10)).Passed;
}

/// <summary>The verifiable draw: canonical sort, digest, HMAC-SHA256 rank of every candidate, sort.</summary>
[MemoryDiagnoser]
public class DrawRanking
{
    private List<string> _pool = [];
    private readonly string _seed = new('a', 64);

    [Params(1_000, 100_000)]
    public int Pool { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _pool = [.. Enumerable.Range(0, Pool).Select(_ => { var b = new byte[16]; random.NextBytes(b); return new Guid(b).ToString(); })];
    }

    [Benchmark]
    public int Run() => VerifiableDraw.Run(_pool, _seed, 5).Ranking.Count;

    /// <summary>What a draw does: the pool arrives in canonical (key) order and is added to the streaming ranker.</summary>
    [Benchmark]
    public int PoolRankerCanonical()
    {
        var ranker = new PoolRanker(_seed);
        foreach (var id in _canonical) ranker.Add(id);
        return ranker.Finish(5).Ranking.Count;
    }

    /// <summary>The pool's digest alone (SHA-256 of the ids joined by '\n').</summary>
    [Benchmark]
    public string Digest() => VerifiableDraw.DigestOf(_canonical);

    private string[] _canonical = [];

    [GlobalSetup(Targets = [nameof(PoolRankerCanonical), nameof(Digest)])]
    public void SetupCanonical()
    {
        Setup();
        _canonical = [.. _pool.Order(StringComparer.Ordinal)];
    }
}

/// <summary>Working-day arithmetic with China's published holiday arrangements (调休).</summary>
[MemoryDiagnoser]
public class WorkingDayArithmetic
{
    private readonly ChinaWorkingDayCalendar _calendar = ChinaWorkingDayCalendar.WithPublishedArrangements();

    [Benchmark]
    public DateOnly FifteenWorkingDaysAfterNationalDay() => _calendar.AddWorkingDays(new DateOnly(2025, 9, 28), 15).Due;
}
