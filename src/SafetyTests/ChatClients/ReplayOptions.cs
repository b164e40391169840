using System;
using System.Collections.Generic;
using System.IO;

namespace SafetyTests;

/// <summary>Options of the replay middleware.</summary>
public sealed class ReplayOptions
{
    /// <summary>Environment variable with the mode: <c>off</c>, <c>record</c>, <c>replay</c> or <c>auto</c>.</summary>
    public const string ModeVariable = "SAFETYTESTS_REPLAY";

    /// <summary>Environment variable with the replay directory.</summary>
    public const string DirectoryVariable = "SAFETYTESTS_REPLAY_DIR";

    /// <summary>The folder name used under the test project when no directory is given.</summary>
    public const string DefaultDirectoryName = "safety-replay";

    /// <summary>The mode.</summary>
    public ReplayMode Mode { get; set; }

    /// <summary>
    /// The directory of entries (one JSON file per entry, meant to be committed). <see langword="null"/>:
    /// <c>SAFETYTESTS_REPLAY_DIR</c>, else <c>safety-replay</c> in the test project directory (the nearest folder
    /// above the test assembly that holds a project file), else beside the test assembly.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Reads <c>SAFETYTESTS_REPLAY</c> and <c>SAFETYTESTS_REPLAY_DIR</c>.</summary>
    /// <returns>The options (mode <see cref="ReplayMode.Off"/> when the variable is not set).</returns>
    /// <exception cref="InvalidOperationException">The mode is not one of the allowed values.</exception>
    public static ReplayOptions FromEnvironment()
    {
        SafetyEnvironment.ThrowIfInvalid();
        string? mode = Environment.GetEnvironmentVariable(ModeVariable);
        string? directory = Environment.GetEnvironmentVariable(DirectoryVariable);
        return new ReplayOptions
        {
            Mode = string.IsNullOrWhiteSpace(mode) ? ReplayMode.Off : ParseMode(mode!.Trim(), ModeVariable),
            Directory = string.IsNullOrWhiteSpace(directory) ? null : directory!.Trim(),
        };
    }

    /// <summary>The directory used when <see cref="Directory"/> is not set.</summary>
    /// <returns>An absolute path.</returns>
    public static string GetDefaultDirectory()
    {
        string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured!.Trim());
        }

        string start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (dir.GetFiles("*.csproj").Length > 0 || dir.GetFiles("*.fsproj").Length > 0 || dir.GetFiles("*.vbproj").Length > 0)
            {
                return Path.Combine(dir.FullName, DefaultDirectoryName);
            }
        }

        return Path.Combine(start, DefaultDirectoryName);
    }

    internal static ReplayMode ParseMode(string text, string source) =>
        text.ToUpperInvariant() switch
        {
            "OFF" => ReplayMode.Off,
            "RECORD" => ReplayMode.Record,
            "REPLAY" => ReplayMode.Replay,
            "AUTO" => ReplayMode.Auto,
            _ => throw new InvalidOperationException(
                source + " '" + text + "' is not a replay mode; allowed values: off, record, replay, auto."),
        };

    internal string ResolveDirectory() => Path.GetFullPath(string.IsNullOrWhiteSpace(Directory) ? GetDefaultDirectory() : Directory!);

    internal void AddProblems(List<string> problems, string prefix)
    {
        if (!Enum.IsDefined(typeof(ReplayMode), Mode))
        {
            problems.Add(prefix + "Mode " + Mode + " is not a replay mode; allowed values: Off, Record, Replay, Auto.");
        }

        if (Directory is not null && Directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            problems.Add(prefix + "Directory '" + Directory + "' is not a valid path.");
        }
    }
}
