using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace SafetyTests.Trx;

/// <summary>
/// Expands file patterns: a plain path, or a glob with <c>*</c> and <c>?</c> within one folder name and
/// <c>**</c> for any depth of folders (<c>TestResults/**/*.trx</c>). Results are full paths, sorted ordinally
/// and without duplicates, so the same inputs always give the same file list.
/// </summary>
internal static class PathGlob
{
    private static readonly bool IgnoreCase = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(new[] { '*', '?' }) >= 0;

    /// <summary>Expands one pattern relative to <paramref name="baseDirectory"/>. A plain path is returned as is (whether or not it exists).</summary>
    public static List<string> Expand(string pattern, string baseDirectory)
    {
        string normalized = pattern.Trim().Replace('\\', '/');
        if (!HasWildcards(normalized))
        {
            return new List<string> { Path.GetFullPath(Path.Combine(baseDirectory, normalized)) };
        }

        string[] segments = normalized.Split('/');
        int firstWild = 0;
        while (firstWild < segments.Length && !HasWildcards(segments[firstWild]))
        {
            firstWild++;
        }

        string root = firstWild == 0 ? baseDirectory : string.Join("/", segments, 0, firstWild);
        if (root.Length == 0)
        {
            root = "/"; // the pattern started with '/'
        }

        root = Path.GetFullPath(Path.Combine(baseDirectory, root));
        var results = new SortedSet<string>(StringComparer.Ordinal);
        if (Directory.Exists(root))
        {
            var rest = new string[segments.Length - firstWild];
            Array.Copy(segments, firstWild, rest, 0, rest.Length);
            Walk(root, rest, 0, results);
        }

        return new List<string>(results);
    }

    private static void Walk(string directory, string[] segments, int index, SortedSet<string> results)
    {
        string segment = segments[index];
        bool last = index == segments.Length - 1;
        if (segment == "**")
        {
            if (last)
            {
                foreach (string file in SafeFiles(directory, "*", SearchOption.AllDirectories))
                {
                    results.Add(file);
                }

                return;
            }

            // Zero folders, then every folder below.
            Walk(directory, segments, index + 1, results);
            foreach (string sub in SafeDirectories(directory, SearchOption.AllDirectories))
            {
                Walk(sub, segments, index + 1, results);
            }

            return;
        }

        if (segment.Length == 0 || segment == ".")
        {
            if (!last)
            {
                Walk(directory, segments, index + 1, results);
            }

            return;
        }

        if (!HasWildcards(segment))
        {
            string next = Path.Combine(directory, segment);
            if (last)
            {
                if (File.Exists(next))
                {
                    results.Add(Path.GetFullPath(next));
                }
            }
            else if (Directory.Exists(next))
            {
                Walk(next, segments, index + 1, results);
            }

            return;
        }

        Regex matcher = SegmentRegex(segment);
        if (last)
        {
            foreach (string file in SafeFiles(directory, "*", SearchOption.TopDirectoryOnly))
            {
                if (matcher.IsMatch(Path.GetFileName(file)))
                {
                    results.Add(file);
                }
            }

            return;
        }

        foreach (string sub in SafeDirectories(directory, SearchOption.TopDirectoryOnly))
        {
            if (matcher.IsMatch(Path.GetFileName(sub)))
            {
                Walk(sub, segments, index + 1, results);
            }
        }
    }

    private static Regex SegmentRegex(string segment)
    {
        var pattern = new StringBuilder("^");
        foreach (char c in segment)
        {
            pattern.Append(c switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                _ => Regex.Escape(c.ToString()),
            });
        }

        pattern.Append('$');
        return new Regex(pattern.ToString(), RegexOptions.CultureInvariant | (IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));
    }

    private static IEnumerable<string> SafeFiles(string directory, string pattern, SearchOption option)
    {
        try
        {
            return Directory.GetFiles(directory, pattern, option);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    private static IEnumerable<string> SafeDirectories(string directory, SearchOption option)
    {
        try
        {
            return Directory.GetDirectories(directory, "*", option);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
