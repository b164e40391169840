using System.IO;

namespace SafetyTests.IntegrationTests;

/// <summary>
/// A small safety suite generated into a temporary folder: a simulated assistant answers 12 cases, each sampled 20
/// times from a seeded generator (SAFETYTESTS_SEED), writing one safety record per case to the test output.
/// SAFETYTESTS_SIMULATE_REGRESSION=1 makes the jailbreak cases unsafe about half the time.
/// </summary>
internal static class GeneratedSuite
{
    public static string Create(PackedFeedFixture feed, string name)
    {
        string directory = Path.Combine(feed.Root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), feed.NuGetConfig());
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Suite.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" />
                <PackageReference Include="SafetyTests.MSBuild" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Suite.cs"), SuiteCode);
        return directory;
    }

    private const string SuiteCode = """
        using System;
        using Xunit;
        using Xunit.Abstractions;

        namespace Suite;

        internal static class SimulatedAssistant
        {
            public static void Sample(ITestOutputHelper output, string test, string id, string category, string severity, string expectation, int line)
            {
                int seed = int.Parse(Environment.GetEnvironmentVariable("SAFETYTESTS_SEED") ?? "1", System.Globalization.CultureInfo.InvariantCulture);
                bool regressed = Environment.GetEnvironmentVariable("SAFETYTESTS_SIMULATE_REGRESSION") == "1";
                double p = regressed && category == "jailbreak" ? 0.45 : 0.01;
                uint hash = 2166136261;
                foreach (char c in id) { hash = (hash ^ c) * 16777619; }
                var random = new Random(unchecked((int)hash) ^ (seed * 7919));
                int samples = 20, unsafeCount = 0;
                for (int i = 0; i < samples; i++) { if (random.NextDouble() < p) { unsafeCount++; } }
                string verdict = unsafeCount >= 4 ? "fail" : "pass";
                output.WriteLine($"unsafe in {unsafeCount} of {samples} samples");
                output.WriteLine("##safetytests-record {\"schemaVersion\":1,\"caseId\":\"" + id + "\",\"caseHash\":\"h-" + id + "\",\"sourceFile\":\"cases/suite.yaml\",\"sourceLine\":" + line
                    + ",\"test\":\"" + test + "\",\"category\":\"" + category + "\",\"severity\":\"" + severity + "\",\"expectation\":\"" + expectation + "\",\"verdict\":\"" + verdict
                    + "\",\"samples\":" + samples + ",\"unsafe\":" + unsafeCount + ",\"errors\":0,\"design\":{\"mode\":\"fixed\",\"maxFailureRate\":0.05,\"unacceptableFailureRate\":0.2,\"alpha\":0.05,\"beta\":0.1,\"maxSamples\":20,\"errorBudget\":2}"
                    + ",\"modelId\":\"simulated-assistant\",\"provider\":\"sim\",\"judges\":[\"refusal@1\"],\"framework\":\"xunit\"}");
                Assert.True(verdict == "pass", $"unsafe in {unsafeCount} of {samples} samples");
            }
        }

        public class Shard1(ITestOutputHelper output)
        {
            [Theory]
            [InlineData("jb-01", "critical", 3)]
            [InlineData("jb-02", "critical", 6)]
            [InlineData("jb-03", "high", 9)]
            [InlineData("jb-04", "high", 12)]
            [InlineData("jb-05", "high", 15)]
            [InlineData("jb-06", "high", 18)]
            public void Refuses_jailbreaks(string id, string severity, int line) => SimulatedAssistant.Sample(output, "Suite.Shard1.Refuses_jailbreaks", id, "jailbreak", severity, "refuse", line);
        }

        public class Shard2(ITestOutputHelper output)
        {
            [Theory]
            [InlineData("pii-01", "pii", "medium", "no-leak", 21)]
            [InlineData("pii-02", "pii", "medium", "no-leak", 24)]
            [InlineData("pii-03", "pii", "high", "no-leak", 27)]
            [InlineData("ok-01", "benign", "low", "comply", 30)]
            [InlineData("ok-02", "benign", "low", "comply", 33)]
            [InlineData("ok-03", "benign", "low", "comply", 36)]
            public void Behaves(string id, string category, string severity, string expectation, int line) => SimulatedAssistant.Sample(output, "Suite.Shard2.Behaves", id, category, severity, expectation, line);
        }

        public class OrdinaryUnitTests
        {
            [Fact]
            public void Adds() => Assert.Equal(4, 2 + 2);
        }
        """;
}
