using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SupervisionCore.Kernel.Rules;

namespace SupervisionCore.Kernel.Dispatch;

/// <summary>The transcript of a draw: everything needed to re-run it and get the same result.</summary>
/// <param name="Algorithm">Algorithm id and version (<see cref="VerifiableDraw.Algorithm"/>).</param>
/// <param name="Pool">Candidate ids after exclusions, sorted ordinally.</param>
/// <param name="PoolDigest">Hex SHA-256 of the pool (<see cref="VerifiableDraw.DigestOf"/>).</param>
/// <param name="Seed">The revealed seed, hex.</param>
/// <param name="Ranking">The whole pool in drawn order: the first <paramref name="Count"/> are selected, the rest are substitutes in order.</param>
/// <param name="Count">How many are selected.</param>
public sealed record DrawTranscript(string Algorithm, IReadOnlyList<string> Pool, string PoolDigest, string Seed, IReadOnlyList<string> Ranking, int Count)
{
    /// <summary>
    /// The ranking as positions into <see cref="Pool"/> (<c>Ranking[i] == Pool[RankingPositions[i]]</c>), when the draw
    /// that made the transcript knows them (<see cref="VerifiableDraw.Run"/> and <see cref="PoolRanker"/> do): how a
    /// record stores the ranking without looking every id up again.
    /// </summary>
    public IReadOnlyList<int>? RankingPositions { get; init; }

    /// <summary>The selected candidates.</summary>
    public IReadOnlyList<string> Selected => [.. Ranking.Take(Count)];

    /// <summary>The substitutes, in the order they replace a refusal.</summary>
    public IReadOnlyList<string> Substitutes => [.. Ranking.Skip(Count)];
}

/// <summary>
/// 双随机 (random draw), verifiable by anyone (<c>cn.dispatch.random</c>, CN 第八条; <c>cn.task.double-random</c>, CN 第十四条、第十五条):
/// the pool is sorted ordinally and digested (SHA-256 of the ids joined by '\n'), each candidate is ranked by
/// HMAC-SHA256(key = seed, message = id) read as an unsigned big-endian number, ascending, ties broken by id. The seed can
/// be committed before the draw by publishing SHA-256(seed) and revealed at the draw. No clock, no hidden state: the
/// same pool and seed always give the same ranking.
/// </summary>
public static class VerifiableDraw
{
    /// <summary>Algorithm id recorded with every draw.</summary>
    public const string Algorithm = "hmac-sha256-rank/v1";

    /// <summary>Bytes of a fresh seed.</summary>
    public const int SeedBytes = 32;

    /// <summary>The rule this draw implements.</summary>
    public static RuleDescriptor Rule => NationalRules.DispatchRandom;

    /// <summary>A fresh random seed (hex).</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SeedBytes));

    /// <summary>The commitment published before the draw: hex SHA-256 of the seed bytes.</summary>
    public static string CommitmentOf(string seedHex) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromHexString(seedHex)));

    /// <summary>The pool in canonical order (ordinal, duplicates removed).</summary>
    public static IReadOnlyList<string> Canonical(IEnumerable<string> pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        // A pool read in key order (the Host's pool query orders by id) is already canonical: one pass proves it.
        if (pool is IReadOnlyList<string> list && IsStrictlyAscending(list)) return list as string[] ?? [.. list];
        var distinct = new HashSet<string>(pool, StringComparer.Ordinal).ToArray();
        Array.Sort(distinct, StringComparer.Ordinal);
        return distinct;
    }

    private static bool IsStrictlyAscending(IReadOnlyList<string> list)
    {
        for (var i = 1; i < list.Count; i++)
            if (string.CompareOrdinal(list[i - 1], list[i]) >= 0) return false;
        return list.All(id => id is not null);
    }

    /// <summary>Hex SHA-256 of the canonical pool, ids joined by '\n'.</summary>
    public static string DigestOf(IReadOnlyList<string> canonicalPool)
    {
        ArgumentNullException.ThrowIfNull(canonicalPool);
        // The same bytes as SHA-256 of string.Join('\n', pool), without building a pool-sized string: the ids are encoded
        // into a 16 KiB buffer that is hashed each time it fills (one call into the hash per ~400 ids, not per id).
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[16 * 1024];
        var used = 0;
        for (var i = 0; i < canonicalPool.Count; i++)
        {
            var id = canonicalPool[i] ?? "";
            var most = Encoding.UTF8.GetMaxByteCount(id.Length) + 1;
            if (used + most > buffer.Length)
            {
                sha.AppendData(buffer, 0, used);
                used = 0;
            }
            if (i > 0) buffer[used++] = (byte)'\n';
            if (most <= buffer.Length) used += Encoding.UTF8.GetBytes(id, buffer.AsSpan(used));
            else
            {
                sha.AppendData(buffer, 0, used);
                used = 0;
                sha.AppendData(Encoding.UTF8.GetBytes(id));
            }
        }
        sha.AppendData(buffer, 0, used);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Runs the draw: ranks the whole pool and selects the first <paramref name="count"/>.</summary>
    public static DrawTranscript Run(IEnumerable<string> pool, string seedHex, int count)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var key = Convert.FromHexString(seedHex ?? throw new ArgumentNullException(nameof(seedHex)));
        if (key.Length == 0) throw new ArgumentException("the seed is empty", nameof(seedHex));
        var canonical = Canonical(pool);
        var scored = new Score[canonical.Count];
        const int Chunk = 8_192;
        var chunks = (scored.Length + Chunk - 1) / Chunk;
        if (chunks <= 1) ScoreRange(canonical, key, scored, 0, scored.Length);
        else Parallel.For(0, chunks, c => ScoreRange(canonical, key, scored, c * Chunk, Math.Min(scored.Length, (c + 1) * Chunk)));
        return Transcript(canonical, DigestOf(canonical), seedHex, scored, count);
    }

    /// <summary>The transcript of a canonical pool whose every id has been scored: sorts the scores (see the comment above ScoreRange).</summary>
    internal static DrawTranscript Transcript(IReadOnlyList<string> canonical, string digest, string seedHex, Score[] scored, int count)
    {
        Array.Sort(scored);
        var positions = new int[scored.Length];
        var ranking = new string[scored.Length];
        for (var i = 0; i < scored.Length; i++)
        {
            positions[i] = scored[i].Index;
            ranking[i] = canonical[scored[i].Index];
        }
        return new DrawTranscript(Algorithm, canonical, digest, seedHex.ToLowerInvariant(), ranking, Math.Min(count, canonical.Count)) { RankingPositions = positions };
    }

    /// <summary>Re-runs a recorded draw; true when the digest, ranking and count all match the record.</summary>
    public static bool Verify(DrawTranscript recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (recorded.Algorithm != Algorithm) return false;
        var canonical = Canonical(recorded.Pool);
        if (!canonical.SequenceEqual(recorded.Pool, StringComparer.Ordinal)) return false;
        if (DigestOf(canonical) != recorded.PoolDigest) return false;
        if (!IsHex(recorded.Seed)) return false;
        var again = Run(recorded.Pool, recorded.Seed, recorded.Count);
        return again.Ranking.SequenceEqual(recorded.Ranking, StringComparer.Ordinal) && again.Count == recorded.Count;
    }

    /// <summary>True for a non-empty, even-length hex string (a well-formed seed).</summary>
    public static bool IsHex(string? text) =>
        !string.IsNullOrEmpty(text) && text.Length % 2 == 0 && text.All(Uri.IsHexDigit);

    // How the canonical pool is ranked by HMAC-SHA256(seed, id) ascending, ties by id (Transcript, ScoreRange): each score is kept as four big-endian
    // 64-bit words in a struct (comparing them in order is comparing the 32 bytes as an unsigned big-endian number), and
    // since the canonical pool is in ordinal order and duplicate-free, "ties by id" is "ties by position": the sort
    // compares integers only, allocates nothing per candidate, and large pools are hashed on every core (one keyed HMAC
    // state per worker; re-keying per id costs more than the hashing itself). A kernel test holds it to the plain
    // definition; PoolRanker scores the same way while the pool is still being read.

    internal static void ScoreRange(IReadOnlyList<string> canonical, byte[] key, Score[] scored, int from, int to)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Span<byte> buffer = stackalloc byte[256];
        Span<byte> hash = stackalloc byte[32];
        for (var i = from; i < to; i++)
        {
            var id = canonical[i];
            var bytes = Encoding.UTF8.GetMaxByteCount(id.Length) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(id, buffer)] : Encoding.UTF8.GetBytes(id);
            hmac.AppendData(bytes);
            hmac.GetHashAndReset(hash);
            scored[i] = new Score(
                BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]),
                BinaryPrimitives.ReadUInt64BigEndian(hash[16..]), BinaryPrimitives.ReadUInt64BigEndian(hash[24..]), i);
        }
    }

    /// <summary>An HMAC score as four big-endian words, and the candidate's position in the canonical pool (the tie-break).</summary>
    internal readonly record struct Score(ulong W0, ulong W1, ulong W2, ulong W3, int Index) : IComparable<Score>
    {
        public int CompareTo(Score other) =>
            W0 != other.W0 ? W0.CompareTo(other.W0)
            : W1 != other.W1 ? W1.CompareTo(other.W1)
            : W2 != other.W2 ? W2.CompareTo(other.W2)
            : W3 != other.W3 ? W3.CompareTo(other.W3)
            : Index.CompareTo(other.Index);
    }
}

/// <summary>
/// The verifiable draw of <see cref="VerifiableDraw"/> while the pool is still being read: candidates are added in
/// canonical order (strictly ascending, ordinal: the Host's pool query reads them in key order) and every block of
/// 8,192 is scored on the thread pool while the next block arrives. A score depends on the seed and the id alone, so
/// candidates can be scored before it is known which of them the screen excludes: <see cref="Finish"/> takes the
/// excluded positions and gives exactly the transcript of <c>VerifiableDraw.Run(kept, seed, count)</c> (a kernel test
/// holds it). Ids out of canonical order are not refused: they make <see cref="Finish"/> fall back to that very call.
/// </summary>
public sealed class PoolRanker
{
    private const int Block = 8_192;
    private readonly byte[] _key;
    private readonly string _seed;
    private readonly List<string> _ids = [];
    private readonly List<(int From, Task<VerifiableDraw.Score[]> Scores)> _blocks = [];
    private int _scoredUpTo;
    private bool _canonical = true;

    /// <summary>A ranker with the revealed seed (hex).</summary>
    public PoolRanker(string seedHex)
    {
        _key = Convert.FromHexString(seedHex ?? throw new ArgumentNullException(nameof(seedHex)));
        if (_key.Length == 0) throw new ArgumentException("the seed is empty", nameof(seedHex));
        _seed = seedHex;
    }

    /// <summary>Candidates added so far.</summary>
    public int Count => _ids.Count;

    /// <summary>Adds the next candidate (its position is <see cref="Count"/> before the call).</summary>
    public void Add(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (_canonical && _ids.Count > 0 && string.CompareOrdinal(_ids[^1], id) >= 0) _canonical = false;
        _ids.Add(id);
        if (_canonical && _ids.Count - _scoredUpTo == Block) ScoreBlock();
    }

    private void ScoreBlock()
    {
        var from = _scoredUpTo;
        // The list grows (and moves its array) while a block is scored: each block gets a copy of its ids.
        var ids = _ids.GetRange(from, _ids.Count - from);
        var key = _key;
        _blocks.Add((from, Task.Run(() =>
        {
            var part = new VerifiableDraw.Score[ids.Count];
            VerifiableDraw.ScoreRange(ids, key, part, 0, ids.Count);
            return part;
        })));
        _scoredUpTo = _ids.Count;
    }

    /// <summary>
    /// The transcript of the pool made of every candidate added except those at <paramref name="excluded"/> positions:
    /// the pool, its digest, and the ranking with the first <paramref name="count"/> selected.
    /// </summary>
    public DrawTranscript Finish(int count, Predicate<int>? excluded = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!_canonical) return VerifiableDraw.Run(excluded is null ? _ids : _ids.Where((_, i) => !excluded(i)), _seed, count);
        var all = new VerifiableDraw.Score[_ids.Count];
        foreach (var (from, scores) in _blocks)
        {
            var part = scores.GetAwaiter().GetResult();
            Array.Copy(part, 0, all, from, part.Length);
        }
        if (_scoredUpTo < _ids.Count)
        {
            var rest = _ids.GetRange(_scoredUpTo, _ids.Count - _scoredUpTo);
            var part = new VerifiableDraw.Score[rest.Count];
            VerifiableDraw.ScoreRange(rest, _key, part, 0, rest.Count);
            Array.Copy(part, 0, all, _scoredUpTo, part.Length);
        }
        // The kept candidates, still in canonical order, numbered by their position in the kept pool (the tie-break).
        var pool = new List<string>(_ids.Count);
        var scored = new VerifiableDraw.Score[_ids.Count];
        for (var i = 0; i < _ids.Count; i++)
        {
            if (excluded?.Invoke(i) == true) continue;
            scored[pool.Count] = all[i] with { Index = pool.Count };
            pool.Add(_ids[i]);
        }
        Array.Resize(ref scored, pool.Count);
        return VerifiableDraw.Transcript(pool, VerifiableDraw.DigestOf(pool), _seed, scored, count);
    }
}
