using System.IO;

namespace SafetyTests.IntegrationTests;

/// <summary>
/// samples/SafetyTests.Samples.Xunit copied into a temporary folder as a user would have it: the same code and
/// case files, with package references to the packed SafetyTests.Xunit and SafetyTests.MSBuild instead of
/// project references. With several target frameworks (<c>net8.0;net10.0</c>) the project multi-targets; as only the
/// newest .NET runtime may be installed, older target frameworks' test hosts roll forward to it.
/// </summary>
internal static class SampleSuite
{
    public const string Name = "SafetyTests.Samples.Xunit";

    public static string Create(PackedFeedFixture feed, string folder, string targetFrameworks = "net10.0")
    {
        string frameworks = targetFrameworks.Contains(';', System.StringComparison.Ordinal)
            ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>\n    <RollForward>Major</RollForward>"
            : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        string source = Path.Combine(feed.RepoRoot, "samples", Name);
        string directory = Path.Combine(feed.Root, folder);
        Directory.CreateDirectory(directory);
        foreach (string file in Directory.GetFiles(source, "*.cs"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        foreach (string file in Directory.GetFiles(Path.Combine(source, "cases"), "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(directory, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        File.WriteAllText(Path.Combine(directory, "NuGet.config"), feed.NuGetConfig());
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, Name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {frameworks}
                <Nullable>enable</Nullable>
                <LangVersion>latest</LangVersion>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SafetyTests.Xunit" Version="{feed.Version}" />
                <PackageReference Include="SafetyTests.MSBuild" Version="{feed.Version}" PrivateAssets="all" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.0.1" />
                <PackageReference Include="xunit" Version="2.9.3" />
                <PackageReference Include="xunit.runner.visualstudio" Version="3.1.5" PrivateAssets="all" />
              </ItemGroup>
              <ItemGroup>
                <None Include="cases/**" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """);
        return directory;
    }
}
