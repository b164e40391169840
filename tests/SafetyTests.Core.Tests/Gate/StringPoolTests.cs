using System;
using System.Collections.Generic;
using System.Globalization;
using SafetyTests.Gate;
using SafetyTests.Records;
using SafetyTests.Statistics;

namespace SafetyTests.Core.Tests.Gate;

public class StringPoolTests
{
    private static readonly int[] Steps = { 1, 3, 7, 11 }; // coprime with 2000

    [Fact]
    public void Get_StringAndBuffer_ShareOneInstance()
    {
        var pool = new StringPool();
        string first = pool.Get("jailbreak");
        char[] buffer = "xxjailbreakyy".ToCharArray();

        pool.Get(buffer, 2, 9).ShouldBeSameAs(first);
        pool.Get(new string("jailbreak".ToCharArray())).ShouldBeSameAs(first);
        pool.Get("jailbreak2").ShouldNotBeSameAs(first);
        pool.Get(buffer, 2, 8).ShouldBe("jailbrea");
    }

    [Fact]
    public void Get_BufferFirst_AllocatesOnceAndServesStrings()
    {
        var pool = new StringPool();
        char[] buffer = "[\"gpt-4o\"]".ToCharArray();

        string first = pool.Get(buffer, 2, 6);

        first.ShouldBe("gpt-4o");
        pool.Get(buffer, 2, 6).ShouldBeSameAs(first);
        pool.Get("gpt-4o").ShouldBeSameAs(first);
    }

    [Fact]
    public void Get_EmptyAndNonAscii_AreShared()
    {
        var pool = new StringPool();
        string empty = pool.Get(string.Empty);
        string accented = pool.Get("caf\u00e9 \ud83d\ude00");

        pool.Get(Array.Empty<char>(), 0, 0).ShouldBeSameAs(empty);
        pool.Get("abc".ToCharArray(), 3, 0).ShouldBeSameAs(empty);
        pool.Get("caf\u00e9 \ud83d\ude00".ToCharArray(), 0, 7).ShouldBeSameAs(accented);
        pool.GetOrNull(null).ShouldBeNull();
        pool.GetOrNull("caf\u00e9 \ud83d\ude00").ShouldBeSameAs(accented);
    }

    [Fact]
    public void Get_TenThousandDistinctStrings_KeepsEveryLookupRight()
    {
        var pool = new StringPool();
        var firsts = new List<string>();
        for (int i = 0; i < 10_000; i++)
        {
            string text = Text(i);
            string shared = i % 2 == 0 ? pool.Get(text) : pool.Get(("<" + text + ">").ToCharArray(), 1, text.Length);
            shared.ShouldBe(text);
            firsts.Add(shared);
        }

        for (int i = 0; i < 10_000; i++)
        {
            // Both lookups, after the table grew many times.
            string text = Text(i);
            pool.Get(text).ShouldBeSameAs(firsts[i]);
            pool.Get(text.ToCharArray(), 0, text.Length).ShouldBeSameAs(firsts[i]);
        }
    }

    [Fact]
    public void Get_PoolsWithACommonSharedPool_GiveOneInstance()
    {
        var shared = new StringPool();
        var first = new StringPool(shared);
        var second = new StringPool(shared);

        string a = first.Get(new string("jailbreak".ToCharArray()));
        string b = second.Get("xxjailbreak".ToCharArray(), 2, 9);

        b.ShouldBeSameAs(a);
        shared.Get("jailbreak").ShouldBeSameAs(a);
        new StringPool().Get("jailbreak").ShouldNotBeSameAs(a); // a pool of its own keeps its own instances
    }

    [Fact]
    public void Get_PoolsSharingOnParallelThreads_AgreeOnEveryInstance()
    {
        var shared = new StringPool();
        var pools = new StringPool[4];
        var seen = new string[pools.Length][];
        System.Threading.Tasks.Parallel.For(0, pools.Length, p =>
        {
            pools[p] = new StringPool(shared);
            seen[p] = new string[2000];
            for (int k = 0; k < 2000; k++)
            {
                int i = ((k * Steps[p]) + (p * 500)) % 2000; // each pool meets every string, in another order
                string text = Text(i);
                seen[p][i] = p % 2 == 0 ? pools[p].Get(text.ToCharArray(), 0, text.Length) : pools[p].Get(new string(text.ToCharArray()));
            }
        });

        for (int i = 0; i < 2000; i++)
        {
            for (int p = 1; p < pools.Length; p++)
            {
                seen[p][i].ShouldBeSameAs(seen[0][i]);
            }
        }
    }

    [Fact]
    public void Judges_SameContentInAnyOrder_IsOneSharedSortedList()
    {
        var pool = new StringPool();

        IReadOnlyList<string> first = pool.Judges(new List<string> { "refusal@1", "leak@2" });
        IReadOnlyList<string> reordered = pool.Judges(new List<string> { "leak@2", "refusal@1" });
        IReadOnlyList<string> again = pool.Judges(new List<string> { "refusal@1", "leak@2" });

        first.ShouldBe(new[] { "leak@2", "refusal@1" });
        reordered.ShouldBeSameAs(first);
        again.ShouldBeSameAs(first);
        first[0].ShouldBeSameAs(pool.Get("leak@2"));
    }

    [Fact]
    public void Judges_AlternatingLists_ReturnsTheRightListEachTime()
    {
        var pool = new StringPool();
        var a = new List<string> { "refusal@1", "leak@2" };
        var b = new List<string> { "refusal@1", "tool@1" };
        var c = new List<string> { "refusal@1" };

        IReadOnlyList<string> sharedA = pool.Judges(a);
        IReadOnlyList<string> sharedB = pool.Judges(b);
        pool.Judges(a).ShouldBeSameAs(sharedA);
        pool.Judges(b).ShouldBeSameAs(sharedB);
        IReadOnlyList<string> sharedC = pool.Judges(c);
        pool.Judges(a).ShouldBeSameAs(sharedA);
        pool.Judges(c).ShouldBeSameAs(sharedC);
        pool.Judges(c).ShouldBeSameAs(sharedC);

        sharedA.ShouldBe(new[] { "leak@2", "refusal@1" });
        sharedB.ShouldBe(new[] { "refusal@1", "tool@1" });
        sharedC.ShouldBe(new[] { "refusal@1" });
    }

    [Fact]
    public void Judges_SameListChangedInPlace_IsNotMistakenForTheLastOne()
    {
        var pool = new StringPool();
        var judges = new List<string> { "refusal@1", "leak@2" };
        IReadOnlyList<string> before = pool.Judges(judges);

        judges[1] = "leak@3";
        IReadOnlyList<string> after = pool.Judges(judges);

        before.ShouldBe(new[] { "leak@2", "refusal@1" });
        after.ShouldBe(new[] { "leak@3", "refusal@1" });
    }

    [Fact]
    public void Judges_SameCountDifferentContent_IsADifferentList()
    {
        var pool = new StringPool();

        IReadOnlyList<string> first = pool.Judges(new[] { "a@1", "b@1" });
        IReadOnlyList<string> second = pool.Judges(new[] { "a@1", "c@1" });
        IReadOnlyList<string> third = pool.Judges(new[] { "b@1", "a@1" });

        second.ShouldBe(new[] { "a@1", "c@1" });
        third.ShouldBeSameAs(first);
    }

    [Fact]
    public void Judges_Empty_IsEmpty()
    {
        var pool = new StringPool();
        pool.Judges(new[] { "a@1" });

        pool.Judges(new List<string>()).ShouldBeEmpty();
    }

    [Fact]
    public void Design_EqualValues_AreShared()
    {
        var pool = new StringPool();
        DesignRecord first = Design(seed: 1);

        pool.Design(first).ShouldBeSameAs(first);
        pool.Design(Design(seed: 1)).ShouldBeSameAs(first);
        pool.Design(Design(seed: 2)).ShouldNotBeSameAs(first);
        pool.Design(Design(seed: null)).ShouldNotBeSameAs(first);
        pool.Design(null).ShouldBeNull();
    }

    private static DesignRecord Design(int? seed) => new()
    {
        Mode = SamplingMode.Sequential,
        MaxFailureRate = 0.05,
        UnacceptableFailureRate = 0.2,
        Alpha = 0.05,
        Beta = 0.1,
        MaxSamples = 50,
        ErrorBudget = 5,
        Seed = seed,
    };

    private static string Text(int i) => (i % 3) switch
    {
        0 => "cat-" + i.ToString(CultureInfo.InvariantCulture),
        1 => i.ToString("x", CultureInfo.InvariantCulture),
        _ => "tests/Suite" + (i * 7919).ToString(CultureInfo.InvariantCulture) + ".yaml",
    };
}
