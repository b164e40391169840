namespace SafetyTests.Statistics;

/// <summary>How a binomial confidence interval is computed.</summary>
public enum IntervalMethod
{
    /// <summary>
    /// Clopper–Pearson exact interval from beta quantiles: guaranteed coverage. Use it for decisions
    /// ("pass iff the upper bound is below X" keeps the false-pass rate at most α only with this method).
    /// </summary>
    ClopperPearson = 0,

    /// <summary>Wilson score interval: close to nominal coverage on average, narrower, under-covers near 0. Good for display.</summary>
    Wilson = 1,

    /// <summary>Jeffreys interval: equal-tailed Beta(x + ½, n − x + ½) quantiles, with the bound at 0 (x = 0) or 1 (x = n) fixed.</summary>
    Jeffreys = 2,
}
