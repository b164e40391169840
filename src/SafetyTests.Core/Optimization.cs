using System.Runtime.CompilerServices;

namespace SafetyTests;

/// <summary>
/// JIT hints for the gate's hot loops. The gate runs once per build in a fresh process: with tiered compilation
/// its loops over 100,000 records run as unoptimized tier-0 code for much of the run (a fifth of the CPU time
/// in profiles), so the few methods that do the per-record work are compiled fully optimized on first call.
/// </summary>
internal static class Optimization
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c> (not declared in netstandard2.0; honoured by .NET Core 3.0 and later, ignored by .NET Framework).</summary>
    public const MethodImplOptions Hot = (MethodImplOptions)512;
}
