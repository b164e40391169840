using System;
using System.Globalization;
using Xunit.Abstractions;

namespace SafetyTests.Xunit.Sdk;

/// <summary>Writes and reads engine settings in an xUnit test case under short keys (invariant text; empty = not set).</summary>
internal static class SafetyRunOptionsSerialization
{
    public static void Write(IXunitSerializationInfo data, SafetyRunOptions options)
    {
        data.AddValue("p0", Text(options.MaxFailureRate));
        data.AddValue("p1", Text(options.UnacceptableFailureRate));
        data.AddValue("a", Text(options.Alpha));
        data.AddValue("b", Text(options.Beta));
        data.AddValue("nmax", Text(options.MaxSamples));
        data.AddValue("n", Text(options.Samples));
        data.AddValue("conc", Text(options.MaxConcurrency));
        data.AddValue("err", Text(options.MaxErrorRate));
        data.AddValue("seed", Text(options.Seed));
        data.AddValue("inc", Text((int)options.Inconclusive));
    }

    public static SafetyRunOptions Read(IXunitSerializationInfo data)
    {
        var options = new SafetyRunOptions
        {
            UnacceptableFailureRate = Double(data, "p1"),
            MaxSamples = Int(data, "nmax"),
            Samples = Int(data, "n"),
            Seed = Int(data, "seed"),
        };
        options.MaxFailureRate = Double(data, "p0") ?? options.MaxFailureRate;
        options.Alpha = Double(data, "a") ?? options.Alpha;
        options.Beta = Double(data, "b") ?? options.Beta;
        options.MaxConcurrency = Int(data, "conc") ?? options.MaxConcurrency;
        options.MaxErrorRate = Double(data, "err") ?? options.MaxErrorRate;
        options.Inconclusive = (InconclusiveBehavior)(Int(data, "inc") ?? 0);
        return options;
    }

    private static string? Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static double? Double(IXunitSerializationInfo data, string key)
    {
        string? text = data.GetValue<string>(key);
        return string.IsNullOrEmpty(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int? Int(IXunitSerializationInfo data, string key)
    {
        string? text = data.GetValue<string>(key);
        return string.IsNullOrEmpty(text) ? null : int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
