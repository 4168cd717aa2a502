using SupervisionCore.Kernel.Dispatch;

namespace SupervisionCore.Kernel.Tests.Dispatch;

public sealed class VerifiableDrawTests
{
    private const string Seed = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private static readonly string[] Pool = ["s-05", "s-01", "s-04", "s-02", "s-03", "s-01"];

    [Fact]
    public void Same_pool_and_seed_give_the_same_ranking_whatever_the_input_order()
    {
        var a = VerifiableDraw.Run(Pool, Seed, 2);
        var b = VerifiableDraw.Run(Pool.Reverse(), Seed.ToUpperInvariant(), 2);
        b.Ranking.ShouldBe(a.Ranking);
        a.Pool.ShouldBe(["s-01", "s-02", "s-03", "s-04", "s-05"]);
        a.Selected.Count.ShouldBe(2);
        a.Substitutes.Count.ShouldBe(3);
        a.Ranking.ShouldBe(a.Pool, ignoreOrder: true);
    }

    [Fact]
    public void Another_seed_gives_another_ranking()
    {
        var a = VerifiableDraw.Run(Pool, Seed, 5);
        var b = VerifiableDraw.Run(Pool, new string('1', 64), 5);
        b.Ranking.ShouldNotBe(a.Ranking);
    }

    [Fact]
    public void Recorded_draw_verifies_and_tampering_is_detected()
    {
        var recorded = VerifiableDraw.Run(Pool, Seed, 2);
        VerifiableDraw.Verify(recorded).ShouldBeTrue();
        VerifiableDraw.Verify(recorded with { Seed = new string('2', 64) }).ShouldBeFalse();
        VerifiableDraw.Verify(recorded with { Pool = ["s-01", "s-02", "s-03", "s-04"] }).ShouldBeFalse();
        VerifiableDraw.Verify(recorded with { Ranking = [.. recorded.Ranking.Reverse()] }).ShouldBeFalse();
        VerifiableDraw.Verify(recorded with { PoolDigest = new string('0', 64) }).ShouldBeFalse();
        VerifiableDraw.Verify(recorded with { Algorithm = "other/v1" }).ShouldBeFalse();
    }

    [Fact]
    public void Count_larger_than_the_pool_selects_everyone_and_an_empty_pool_selects_no_one()
    {
        VerifiableDraw.Run(Pool, Seed, 99).Selected.Count.ShouldBe(5);
        VerifiableDraw.Run([], Seed, 3).Selected.ShouldBeEmpty();
    }

    [Fact]
    public void Commitment_is_the_sha256_of_the_seed_bytes()
    {
        // SHA-256 of 32 zero bytes.
        VerifiableDraw.CommitmentOf(new string('0', 64)).ShouldBe("66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925");
        VerifiableDraw.NewSeed().Length.ShouldBe(64);
    }

    [Fact]
    public void Digest_is_the_sha256_of_the_ids_joined_by_newline()
    {
        // printf 'a\nb' | sha256sum
        VerifiableDraw.DigestOf(["a", "b"]).ShouldBe("7e18f737311b2dc3b2f269dd78396b0351f14fb66efa879f768cb23181883c78");
    }

    [Theory]
    [InlineData(0, 36)]
    [InlineData(1, 36)]
    [InlineData(2, 0)]
    [InlineData(1000, 36)]
    [InlineData(3, 300)]
    [InlineData(2000, 36)] // several buffers
    [InlineData(5, 7000)] // ids longer than the buffer
    public void Digest_hashed_id_by_id_equals_the_joined_text(int count, int idLength)
    {
        var random = new Random(count * 31 + idLength);
        var pool = Enumerable.Range(0, count).Select(i => string.Concat(Enumerable.Range(0, idLength).Select(_ => "0123456789abcdef-督导"[random.Next(19)]))).ToArray();
        var plain = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', pool))));
        VerifiableDraw.DigestOf(pool).ShouldBe(plain);
    }
}

/// <summary>The fast ranking (word-wise scores, parallel hashing) against the algorithm's plain definition, written out here.</summary>
public sealed class VerifiableDrawDefinitionTests
{
    [Theory]
    [InlineData(0, "00")]
    [InlineData(1, "ff")]
    [InlineData(7, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff")]
    [InlineData(8_191, "0102")] // one hashing chunk
    [InlineData(8_193, "0103")] // two chunks: the parallel path
    [InlineData(40_000, "a5a5a5a5")]
    public void The_ranking_is_the_pool_ordered_by_hmac_sha256_as_an_unsigned_number_then_by_id(int size, string seed)
    {
        var random = new Random(size);
        var pool = Enumerable.Range(0, size).Select(_ => Guid.NewGuid().ToString()).ToList();
        pool.AddRange(pool.Take(size / 10)); // duplicates are dropped
        pool.Add("考评-人员-ünïcode"); // ids are UTF-8 encoded
        pool = [.. pool.OrderBy(_ => random.Next())];

        var drawn = VerifiableDraw.Run(pool, seed, Math.Min(3, size));

        drawn.Ranking.ShouldBe(Definition(pool, seed));
        drawn.Pool.ShouldBe(pool.Distinct().Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public void A_pool_already_in_canonical_order_is_taken_as_it_is_and_any_other_order_is_sorted()
    {
        var sorted = Enumerable.Range(0, 1_000).Select(i => $"id-{i:D4}").ToArray();
        VerifiableDraw.Run(sorted, "0a0b", 3).Ranking.ShouldBe(Definition(sorted, "0a0b"));
        var almost = sorted.ToArray();
        (almost[500], almost[501]) = (almost[501], almost[500]); // one inversion: not canonical
        VerifiableDraw.Run(almost, "0a0b", 3).Pool.ShouldBe(sorted);
        VerifiableDraw.Run([.. sorted, sorted[^1]], "0a0b", 3).Pool.ShouldBe(sorted); // a repeat at the end: not strictly ascending
    }

    /// <summary>HMAC-SHA256(seed, UTF-8 id) per distinct id, ascending as a big-endian unsigned number, ties by ordinal id.</summary>
    private static List<string> Definition(IEnumerable<string> pool, string seed)
    {
        var key = Convert.FromHexString(seed);
        return [.. pool.Distinct()
            .Select(id => (Id: id, Score: new System.Numerics.BigInteger(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(id)), isUnsigned: true, isBigEndian: true)))
            .OrderBy(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal).Select(x => x.Id)];
    }
}

public sealed class VerifiableDrawMalformedRecordTests
{
    [Theory]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("abc")]
    public void A_record_with_a_malformed_seed_does_not_verify(string seed)
    {
        var recorded = VerifiableDraw.Run(["a", "b"], "0011", 1) with { Seed = seed };
        VerifiableDraw.Verify(recorded).ShouldBeFalse();
    }
}

/// <summary>
/// The streaming ranker (the Host scores a draw's pool while the rows arrive, before the screen has excluded anyone)
/// gives exactly the transcript of <see cref="VerifiableDraw.Run"/> over the kept candidates: the verifiability of a
/// recorded draw does not depend on which way it was computed.
/// </summary>
public sealed class PoolRankerTests
{
    private const string Seed = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(7, 3)]
    [InlineData(8_192, 0)]
    [InlineData(20_000, 97)]
    public void Streaming_with_exclusions_is_the_same_transcript_as_running_over_the_kept_pool(int size, int every)
    {
        var ids = Enumerable.Range(0, size).Select(i => Guid.CreateVersion7(DateTimeOffset.UnixEpoch.AddSeconds(i)).ToString()).Order(StringComparer.Ordinal).ToList();
        bool Excluded(int i) => every > 0 && i % every == 0;
        var ranker = new PoolRanker(Seed);
        foreach (var id in ids) ranker.Add(id);
        var streamed = ranker.Finish(5, Excluded);

        var kept = ids.Where((_, i) => !Excluded(i)).ToList();
        var run = VerifiableDraw.Run(kept, Seed, 5);
        streamed.Pool.ShouldBe(run.Pool);
        streamed.PoolDigest.ShouldBe(run.PoolDigest);
        streamed.Ranking.ShouldBe(run.Ranking);
        streamed.Count.ShouldBe(run.Count);
        streamed.Seed.ShouldBe(run.Seed);
        streamed.RankingPositions!.Select(p => streamed.Pool[p]).ShouldBe(streamed.Ranking);
        VerifiableDraw.Verify(streamed).ShouldBeTrue();
    }

    [Fact]
    public void Ids_out_of_canonical_order_fall_back_to_the_sorted_run()
    {
        string[] ids = ["s-05", "s-01", "s-04", "s-02", "s-03"];
        var ranker = new PoolRanker(Seed);
        foreach (var id in ids) ranker.Add(id);
        var streamed = ranker.Finish(2, i => i == 2); // "s-04" excluded
        var run = VerifiableDraw.Run(["s-05", "s-01", "s-02", "s-03"], Seed, 2);
        streamed.Ranking.ShouldBe(run.Ranking);
        streamed.PoolDigest.ShouldBe(run.PoolDigest);
    }
}
