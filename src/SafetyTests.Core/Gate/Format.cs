using System;
using System.Globalization;

namespace SafetyTests.Gate;

/// <summary>Invariant-culture number formatting for messages and reports.</summary>
internal static class Format
{
    public static string Percent(double? rate) =>
        rate is double r && !double.IsNaN(r) ? (r * 100).ToString("0.0#", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A rate difference in percentage points with its sign: <c>+4.76 pt</c>.</summary>
    public static string Points(double? difference)
    {
        if (difference is not double d || double.IsNaN(d))
        {
            return "–";
        }

        double points = Math.Round(d * 100, 2);
        return (points > 0 ? "+" : points < 0 ? "−" : "±") + Math.Abs(points).ToString("0.00", CultureInfo.InvariantCulture) + " pt";
    }

    public static string P(double? p)
    {
        if (p is not double v || double.IsNaN(v))
        {
            return "–";
        }

        if (v == 0)
        {
            return "0";
        }

        return v >= 0.001 ? v.ToString("0.000", CultureInfo.InvariantCulture) : v.ToString("0.0e+0", CultureInfo.InvariantCulture);
    }

    public static string Number(double value, string format = "0.###") =>
        double.IsPositiveInfinity(value) ? "∞" : double.IsNegativeInfinity(value) ? "−∞" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Interval(double? lower, double? upper) =>
        lower is double l && upper is double u && !double.IsNaN(l) && !double.IsNaN(u) ? "[" + Percent(l) + ", " + Percent(u) + "]" : "–";

    public static string PointsInterval(double? lower, double? upper) =>
        lower is double l && upper is double u && !double.IsNaN(l) && !double.IsNaN(u) ? "[" + Points(l) + ", " + Points(u) + "]" : "–";

    public static string Plural(int n, string singular, string? plural = null) =>
        Int(n) + " " + (n == 1 ? singular : plural ?? singular + "s");
}
