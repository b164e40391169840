using System;
using System.Globalization;
using System.IO;

namespace SafetyTests.IntegrationTests;

/// <summary>
/// Packs SafetyTests.MSBuild once per test run, with a unique version, into a temporary feed. Projects built against
/// it restore into a temporary packages folder, with the user's packages folder as a read-only fallback: nothing of
/// ours lands in the user's cache, and the registry packages already there are not downloaded again.
/// </summary>
public sealed class PackedFeedFixture : IDisposable
{
    public PackedFeedFixture()
    {
        RepoRoot = FindRepoRoot();
        Root = Path.Combine(Path.GetTempPath(), "safetytests-it-" + Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        Packages = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Feed);
        Version = "0.0.0-it." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (string project in PackedProjects)
        {
            // When the solution build already restored the project, do not restore again: another test project
            // building at the same time may be writing the same project.assets.json.
            string projectDirectory = Path.Combine(RepoRoot, "src", project);
            bool restored = File.Exists(Path.Combine(projectDirectory, "obj", "project.assets.json"));
            (int exitCode, string output) = DotNetProcess.Run(
                RepoRoot,
                null,
                "pack",
                Path.Combine(projectDirectory, project + ".csproj"),
                restored ? "--no-restore" : "-p:_SafetyTestsRestore=true",
                "-c",
                "Release",
                "-o",
                Feed,
                "-p:Version=" + Version,
                "-p:ContinuousIntegrationBuild=false",
                "-p:IncludeSymbols=false");
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet pack {project} failed:\n{output}");
            }
        }
    }

    /// <summary>What a user installs: the xUnit integration (with its dependencies) and the gate.</summary>
    public static readonly string[] PackedProjects = { "SafetyTests.Core", "SafetyTests", "SafetyTests.Xunit", "SafetyTests.MSBuild" };

    public string RepoRoot { get; }

    /// <summary>The temporary folder holding the feed, the packages folder and the generated projects.</summary>
    public string Root { get; }

    public string Feed { get; }

    public string Packages { get; }

    public string Version { get; }

    /// <summary>The NuGet.config a generated project uses.</summary>
    public string NuGetConfig()
    {
        string userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="safetytests-local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="safetytests-local"><package pattern="SafetyTests" /><package pattern="SafetyTests.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
              <config>
                <add key="globalPackagesFolder" value="{Packages}" />
              </config>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "SafetyTests.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("SafetyTests.sln not found above " + AppContext.BaseDirectory);
    }
}
