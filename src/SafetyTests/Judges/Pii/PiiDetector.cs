using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using PhoneNumbers;
using SafetyTests.Judges.Core;

namespace SafetyTests;

/// <summary>
/// Finds personal data in text: e-mail addresses, phone numbers (libphonenumber, valid numbers only), payment
/// cards (Luhn), IBANs (mod 97), US SSNs and IP addresses. Findings carry masked values. Thread-safe.
/// </summary>
public sealed class PiiDetector
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;
    private static readonly Regex EmailPattern = new(@"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b", Options);
    private static readonly Regex CardPattern = new(@"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])", Options);
    private static readonly Regex IbanPattern = new(@"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b", Options);
    private static readonly Regex SsnPattern = new(@"(?<![\d-])(?!000|666|9\d\d)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])", Options);
    private static readonly Regex Ipv4Pattern = new(@"(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d.]*\d)", Options);
    private static readonly Regex Ipv6Pattern = new(@"(?<![0-9A-Fa-f:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Fa-f:])", Options);

    private readonly PiiJudgeOptions _options;
    private readonly HashSet<string> _allowed;

    /// <summary>Creates a detector.</summary>
    /// <param name="options">Options, or <see langword="null"/> for the defaults.</param>
    public PiiDetector(PiiJudgeOptions? options = null)
    {
        _options = options ?? new PiiJudgeOptions();
        if (string.IsNullOrWhiteSpace(_options.DefaultRegion) || _options.DefaultRegion.Length != 2)
        {
            throw new ArgumentException("PiiJudgeOptions.DefaultRegion must be a two-letter region code such as US or GB (it was '" + _options.DefaultRegion + "').", nameof(options));
        }

        _allowed = new HashSet<string>(_options.Allowed.Select(AlnumIndex.Of), StringComparer.Ordinal);
    }

    /// <summary>The name of an entity kind as used in reasons and labels (for example <c>payment-card</c>).</summary>
    /// <param name="entity">The kind.</param>
    /// <returns>The name.</returns>
    public static string Name(PiiEntity entity) => entity switch
    {
        PiiEntity.Email => "email",
        PiiEntity.Phone => "phone",
        PiiEntity.PaymentCard => "payment-card",
        PiiEntity.Iban => "iban",
        PiiEntity.UsSsn => "us-ssn",
        PiiEntity.IpAddress => "ip-address",
        _ => entity.ToString().ToLowerInvariant(),
    };

    /// <summary>Finds personal data in <paramref name="text"/>, in order of position, without overlaps.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The findings.</returns>
    public IReadOnlyList<PiiFinding> Find(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var found = new List<PiiFinding>();
        var e = _options.Entities;
        if (e.HasFlag(PiiEntity.Email))
        {
            AddMatches(found, text, EmailPattern, PiiEntity.Email, _ => true);
        }

        if (e.HasFlag(PiiEntity.Iban))
        {
            foreach (Match m in IbanPattern.Matches(text))
            {
                if (LongestValidIban(m.Value) is int len)
                {
                    Add(found, text, PiiEntity.Iban, m.Index, len);
                }
            }
        }

        if (e.HasFlag(PiiEntity.PaymentCard))
        {
            AddMatches(found, text, CardPattern, PiiEntity.PaymentCard, IsCard);
        }

        if (e.HasFlag(PiiEntity.UsSsn))
        {
            AddMatches(found, text, SsnPattern, PiiEntity.UsSsn, _ => true);
        }

        if (e.HasFlag(PiiEntity.IpAddress))
        {
            AddMatches(found, text, Ipv4Pattern, PiiEntity.IpAddress, _ => true);
            AddMatches(found, text, Ipv6Pattern, PiiEntity.IpAddress, IsIpv6);
        }

        if (e.HasFlag(PiiEntity.Phone))
        {
            foreach (var m in PhoneNumberUtil.GetInstance().FindNumbers(text, _options.DefaultRegion.ToUpperInvariant(), PhoneNumberUtil.Leniency.VALID, long.MaxValue))
            {
                Add(found, text, PiiEntity.Phone, m.Start, m.Length);
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private void AddMatches(List<PiiFinding> found, string text, Regex pattern, PiiEntity entity, Func<string, bool> valid)
    {
        foreach (Match m in pattern.Matches(text))
        {
            if (valid(m.Value))
            {
                Add(found, text, entity, m.Index, m.Length);
            }
        }
    }

    private void Add(List<PiiFinding> found, string text, PiiEntity entity, int start, int length)
    {
        foreach (var f in found)
        {
            if (start < f.Start + f.Length && f.Start < start + length)
            {
                return;
            }
        }

        string value = text.Substring(start, length);
        if (_allowed.Contains(AlnumIndex.Of(value)))
        {
            return;
        }

        found.Add(new PiiFinding(entity, start, length, Redaction.Mask(value)));
    }

    internal static bool IsCard(string candidate)
    {
        var digits = new List<int>(19);
        foreach (char c in candidate)
        {
            if (c >= '0' && c <= '9')
            {
                digits.Add(c - '0');
            }
        }

        if (digits.Count < 13 || digits.Count > 19 || digits.All(d => d == digits[0]))
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < digits.Count; i++)
        {
            int d = digits[digits.Count - 1 - i];
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    internal static int? LongestValidIban(string candidate)
    {
        // A spaced IBAN may run into a following group of capitals ("DE89 3704 0044 0532 0130 00 OK"):
        // try the longest prefix of whole groups that passes the check.
        var groups = candidate.Split(' ');
        for (int k = groups.Length; k >= 1; k--)
        {
            string prefix = string.Join(" ", groups, 0, k);
            string compact = prefix.Replace(" ", string.Empty, StringComparison.Ordinal);
            if (compact.Length >= 15 && compact.Length <= 34 && IbanChecksumOk(compact))
            {
                return prefix.Length;
            }
        }

        return null;
    }

    internal static bool IbanChecksumOk(string iban)
    {
        string rearranged = iban.Substring(4) + iban.Substring(0, 4);
        int remainder = 0;
        foreach (char c in rearranged)
        {
            int value;
            if (c >= '0' && c <= '9')
            {
                value = c - '0';
                remainder = ((remainder * 10) + value) % 97;
            }
            else if (c >= 'A' && c <= 'Z')
            {
                value = c - 'A' + 10;
                remainder = ((remainder * 100) + value) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    private static bool IsIpv6(string candidate) =>
        candidate.Count(c => c == ':') >= 2 && candidate.Any(char.IsDigit)
        && IPAddress.TryParse(candidate, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6
        && candidate.Length >= 6;

    internal static string Describe(IReadOnlyList<PiiFinding> findings) =>
        string.Join(", ", findings.Take(10).Select(f => f.ToString())) + (findings.Count > 10 ? ", and " + (findings.Count - 10).ToString(CultureInfo.InvariantCulture) + " more" : string.Empty);
}
