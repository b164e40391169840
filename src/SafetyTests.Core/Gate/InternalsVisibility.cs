using System.Runtime.CompilerServices;

// The gate's engine is internal: its public surfaces are the SafetyGate MSBuild task and the `safety gate` /
// `safety baseline` verbs, which ship SafetyTests.Core beside them (same version), so they may share internals.
[assembly: InternalsVisibleTo("SafetyTests.MSBuild")]
[assembly: InternalsVisibleTo("SafetyTests.Tool")]
[assembly: InternalsVisibleTo("SafetyTests.MSBuild.Tests")]
[assembly: InternalsVisibleTo("SafetyTests.Tool.Tests")]
[assembly: InternalsVisibleTo("SafetyTests.IntegrationTests")]
