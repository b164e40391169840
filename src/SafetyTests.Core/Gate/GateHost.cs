namespace SafetyTests.Gate;

/// <summary>Who runs the gate; decides how the fixes in messages are phrased.</summary>
internal enum GateHost
{
    /// <summary>The SafetyGate MSBuild task (dotnet test / dotnet msbuild).</summary>
    MSBuild = 0,

    /// <summary>The <c>safety</c> command.</summary>
    Tool = 1,
}
