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
