namespace SafetyTests.Statistics;

/// <summary>The operating characteristic at one true rate of the same boundaries truncated at every cap.</summary>
internal sealed class CapProfile
{
    private readonly double[] _pass;
    private readonly double[] _fail;
    private readonly double[] _open;
    private readonly double[] _expected;

    public CapProfile(double rate, int maxSamples)
    {
        Rate = rate;
        _pass = new double[maxSamples + 1];
        _fail = new double[maxSamples + 1];
        _open = new double[maxSamples + 1];
        _expected = new double[maxSamples + 1];
        _open[0] = 1;
    }

    public double Rate { get; }

    public int MaxSamples => _pass.Length - 1;

    public double Pass(int cap) => _pass[cap];

    public double Fail(int cap) => _fail[cap];

    public double Inconclusive(int cap) => _open[cap];

    public double ExpectedSamples(int cap) => _expected[cap];

    public OperatingPoint At(int cap) => new(Rate, _pass[cap], _fail[cap], _open[cap], _expected[cap]);

    public void Set(int cap, double pass, double fail, double open, double expected)
    {
        _pass[cap] = pass;
        _fail[cap] = fail;
        _open[cap] = open;
        _expected[cap] = expected;
    }
}
