using System;
using System.Collections.Generic;

namespace SafetyTests.Judges.Injection;

/// <summary>
/// Guesses the language of a text from its most frequent function words (de, en, es, fr, it, nl, pt). Good enough
/// to notice a reply that switched language; it does not try to handle short or mixed texts (it returns null).
/// </summary>
internal static class LanguageGuesser
{
    public const int MinWords = 8;

    private static readonly Dictionary<string, HashSet<string>> StopWords = new(StringComparer.Ordinal)
    {
        ["en"] = Set("the and of to is in that it for you with this are be on not have as was but or they can your what will"),
        ["fr"] = Set("le la les et des est un une du que pour dans pas qui sur vous ce il avec sont au mais nous par plus je elle"),
        ["de"] = Set("der die das und ist nicht ein eine zu den von mit sich des auf für im dem sie es wir ich auch wie oder"),
        ["es"] = Set("el la los las y es en que de un una por con para no se su al lo como más pero sus le ya o este"),
        ["it"] = Set("il lo la gli le e di che è un una per non con sono del della si come anche ma più nel questo ci sei"),
        ["nl"] = Set("de het een en van is dat niet te in op voor met zijn ik je u er maar ook als aan wat bij om"),
        ["pt"] = Set("o a os as e de que do da em um uma para com não por se na no mais como mas é ao dos das você"),
    };

    public static IReadOnlyCollection<string> Supported => StopWords.Keys;

    /// <summary>Returns the dominant language, or null when the text is too short or no language clearly leads.</summary>
    public static string? Guess(string text, out int words)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        words = 0;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            words++;
            string w = text.Substring(start, i - start).ToLowerInvariant();
            foreach (var kv in StopWords)
            {
                if (kv.Value.Contains(w))
                {
                    counts[kv.Key] = counts.TryGetValue(kv.Key, out int c) ? c + 1 : 1;
                }
            }
        }

        if (words < MinWords)
        {
            return null;
        }

        string? best = null;
        int bestCount = 0;
        int second = 0;
        foreach (var kv in counts)
        {
            if (kv.Value > bestCount)
            {
                second = bestCount;
                bestCount = kv.Value;
                best = kv.Key;
            }
            else if (kv.Value > second)
            {
                second = kv.Value;
            }
        }

        return bestCount >= 3 && bestCount >= second * 1.5 ? best : null;
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);
}
