using System;
using System.Collections.Generic;
using System.Linq;

namespace SafetyTests.Cases.Parsing;

/// <summary>
/// Turns the format-neutral tree of a case file into validated <see cref="PromptCase"/>s, collecting every
/// problem (with line, field and fix) instead of stopping at the first.
/// </summary>
internal sealed class CaseBuilder
{
    private const int MaxIdLength = 200;

    private static readonly string[] Languages = { "de", "en", "es", "fr", "it", "nl", "pt" };

    private readonly ProblemSink _problems;

    public CaseBuilder(ProblemSink problems) => _problems = problems;

    /// <summary>Builds the cases of a YAML or JSON document (a mapping with <c>cases:</c>, or a bare list).</summary>
    public List<PromptCase> BuildDocument(RawNode? root)
    {
        if (root is null)
        {
            if (!_problems.HasProblems)
            {
                AddEmptyFile();
            }

            return new List<PromptCase>();
        }

        RawSequence? cases = null;
        Draft defaults = new(0);
        switch (root)
        {
            case RawSequence seq:
                cases = seq;
                break;
            case RawMapping map:
                foreach (var e in map.Entries)
                {
                    if (Array.IndexOf(CaseFields.TopLevelNames, e.Key) < 0)
                    {
                        if (Array.IndexOf(CaseFields.CaseFieldNames, e.Key) >= 0)
                        {
                            _problems.Add(e.KeyLine, e.Key, "'" + e.Key + "' is a case field but appears at the top of the file. Put cases in a list under 'cases:' (each item starting with '- id: ...'), or shared values under 'defaults:'.");
                            break;
                        }

                        UnknownField(e, CaseFields.TopLevelNames, "top-level key");
                    }
                }

                if (map.Find(CaseFields.Defaults) is { } d)
                {
                    if (d.Value is RawMapping dm)
                    {
                        defaults = ReadDraft(dm, CaseFields.DefaultFieldNames, "defaults.");
                    }
                    else if (d.Value is not RawScalar { Value: null })
                    {
                        _problems.Add(d.Value.Line, CaseFields.Defaults, "'defaults' must be a mapping of field: value, not a " + d.Value.KindName + ".");
                    }
                }

                var c = map.Find(CaseFields.Cases);
                if (c is null)
                {
                    if (!_problems.HasProblems)
                    {
                        _problems.Add(map.Line, CaseFields.Cases, "the file has no 'cases:' list. Add 'cases:' followed by one '- id: ...' item per case.");
                    }

                    return new List<PromptCase>();
                }

                if (c.Value is RawSequence cs)
                {
                    cases = cs;
                }
                else if (c.Value is RawScalar { Value: null })
                {
                    cases = new RawSequence(c.KeyLine);
                }
                else
                {
                    _problems.Add(c.Value.Line, CaseFields.Cases, "'cases' must be a list (items start with '- '), not a " + c.Value.KindName + ".");
                    return new List<PromptCase>();
                }

                break;
            default:
                _problems.Add(root.Line, null, "the file holds a single " + root.KindName + " value. A case file is a mapping with a 'cases:' list (or a list of cases).");
                return new List<PromptCase>();
        }

        return BuildCases(cases, defaults, cases.Line);
    }

    /// <summary>Builds the cases of a JSON Lines or CSV file (one case per line or row, no defaults).</summary>
    public List<PromptCase> BuildRows(RawSequence? rows, bool empty)
    {
        if (rows is null)
        {
            return new List<PromptCase>();
        }

        if (empty)
        {
            AddEmptyFile();
            return new List<PromptCase>();
        }

        return BuildCases(rows, new Draft(0), 1);
    }

    private void AddEmptyFile() =>
        _problems.Add(1, null, "the file is empty. Add at least one case (see docs/case-files.md for the schema).");

    private List<PromptCase> BuildCases(RawSequence cases, Draft defaults, int listLine)
    {
        var result = new List<PromptCase>(cases.Items.Count);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < cases.Items.Count; i++)
        {
            var item = cases.Items[i];
            if (item is not RawMapping map)
            {
                _problems.Add(item.Line, null, "a case must be a mapping of field: value (starting with 'id:'), not a " + item.KindName + ".");
                continue;
            }

            var draft = ReadDraft(map, CaseFields.CaseFieldNames, string.Empty);
            var built = Complete(draft, defaults, map);
            if (built is null)
            {
                continue;
            }

            if (seen.TryGetValue(built.Id, out int firstLine))
            {
                _problems.Add(draft.IdLine, CaseFields.Id, "duplicate id '" + built.Id + "': also defined at line " + firstLine + " (ids are compared ignoring case). Give each case a unique id.");
                continue;
            }

            seen[built.Id] = draft.IdLine;
            result.Add(built);
        }

        if (cases.Items.Count == 0 && !_problems.HasProblems)
        {
            _problems.Add(listLine, CaseFields.Cases, "the file defines no cases. Add at least one case with an id and a prompt.");
        }

        return result;
    }

    private PromptCase? Complete(Draft d, Draft defaults, RawMapping map)
    {
        int before = _problems.Items.Count;
        if (d.Id is null)
        {
            if (!d.IdInvalid)
            {
                _problems.Add(map.Line, CaseFields.Id, "the case has no id. Add 'id:' with a short, unique name (for example jailbreak-001); it becomes the test's display name.");
            }
        }

        string? system = d.System ?? defaults.System;
        var messages = new List<PromptMessage>();
        if (d.Prompt is not null && d.Messages is not null)
        {
            _problems.Add(d.PromptLine, CaseFields.Prompt, "the case has both 'prompt' and 'messages'. Use 'prompt' for one user message, or 'messages' for a conversation, not both.");
        }
        else if (d.Prompt is not null)
        {
            if (system is not null)
            {
                messages.Add(new PromptMessage(PromptRole.System, system));
            }

            messages.Add(new PromptMessage(PromptRole.User, d.Prompt));
        }
        else if (d.Messages is not null)
        {
            bool hasSystem = d.Messages.Any(m => m.Role == PromptRole.System);
            if (hasSystem && d.System is not null)
            {
                _problems.Add(d.SystemLine, CaseFields.System, "the case has 'system' and a system message in 'messages'. Keep one of them.");
            }

            if (!hasSystem && system is not null)
            {
                messages.Add(new PromptMessage(PromptRole.System, system));
            }

            messages.AddRange(d.Messages);
            if (hasSystem)
            {
                system = d.Messages.First(m => m.Role == PromptRole.System).Content;
            }

            if (d.Messages.Count > 0 && d.Messages.All(m => m.Role == PromptRole.System))
            {
                _problems.Add(d.MessagesLine, CaseFields.Messages, "'messages' holds only system messages. Add the user message the model should answer.");
            }
            else if (d.Messages.Count == 0 && !d.MessagesInvalid)
            {
                _problems.Add(d.MessagesLine, CaseFields.Messages, "'messages' is empty. Add at least one {role: user, content: ...} message.");
            }
        }
        else if (!d.MessagesInvalid && !d.PromptInvalid)
        {
            _problems.Add(map.Line, CaseFields.Prompt, "the case" + (d.Id is null ? string.Empty : " '" + d.Id + "'") + " has no 'prompt' or 'messages'. Add 'prompt:' with the text to send, or 'messages:' with a list of {role, content}.");
        }

        if (_problems.Items.Count > before || d.Id is null)
        {
            return null;
        }

        string id = d.Id;
        var canaries = Concat(defaults.Canaries, d.Canaries);
        var secrets = Concat(defaults.Secrets, d.Secrets);
        string token = CaseHashing.CanaryFor(id);
        bool usedPlaceholder = false;
        for (int i = 0; i < messages.Count; i++)
        {
            if (messages[i].Content.Contains(CaseHashing.CanaryPlaceholder, StringComparison.Ordinal))
            {
                usedPlaceholder = true;
                messages[i] = new PromptMessage(messages[i].Role, messages[i].Content.Replace(CaseHashing.CanaryPlaceholder, token, StringComparison.Ordinal));
            }
        }

        system = system?.Replace(CaseHashing.CanaryPlaceholder, token, StringComparison.Ordinal);
        canaries = canaries.Select(c => c.Replace(CaseHashing.CanaryPlaceholder, token, StringComparison.Ordinal)).ToList();
        secrets = secrets.Select(c => c.Replace(CaseHashing.CanaryPlaceholder, token, StringComparison.Ordinal)).ToList();
        if (usedPlaceholder && !canaries.Contains(token))
        {
            canaries.Add(token);
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var kv in defaults.Metadata)
        {
            metadata[kv.Key] = kv.Value;
        }

        foreach (var kv in d.Metadata)
        {
            metadata[kv.Key] = kv.Value;
        }

        return new PromptCase(id, messages.ToArray(), new CaseSource(_problems.File, d.IdLine > 0 ? d.IdLine : map.Line))
        {
            System = system,
            Category = d.Category ?? defaults.Category ?? "uncategorized",
            Severity = d.Severity ?? defaults.Severity ?? Severity.Medium,
            Expect = d.Expect ?? defaults.Expect ?? Expectation.Refuse,
            Tags = Distinct(Concat(defaults.Tags, d.Tags)),
            Metadata = metadata,
            Canaries = Distinct(canaries),
            Secrets = Distinct(secrets),
            ForbiddenTools = Distinct(Concat(defaults.ForbiddenTools, d.ForbiddenTools)),
            ForbiddenArguments = Distinct(Concat(defaults.ForbiddenArguments, d.ForbiddenArguments)),
            ForbiddenLinks = Distinct(Concat(defaults.ForbiddenLinks, d.ForbiddenLinks)),
            ExpectedLanguage = d.ExpectedLanguage ?? defaults.ExpectedLanguage,
            InjectionFormat = d.InjectionFormat ?? defaults.InjectionFormat,
        };
    }

    private Draft ReadDraft(RawMapping map, string[] allowed, string prefix)
    {
        var d = new Draft(map.Line);
        foreach (var e in map.Entries)
        {
            string field = prefix + e.Key;
            if (Array.IndexOf(allowed, e.Key) < 0)
            {
                if (prefix.Length > 0 && Array.IndexOf(CaseFields.CaseFieldNames, e.Key) >= 0)
                {
                    _problems.Add(e.KeyLine, field, "'" + e.Key + "' cannot be a default: every case needs its own. Move it into each case.");
                }
                else
                {
                    UnknownField(e, allowed, prefix.Length > 0 ? "field of defaults" : "case field", prefix);
                }

                continue;
            }

            if (e.Value is RawScalar { Value: null } && e.Key != CaseFields.Id && e.Key != CaseFields.Prompt)
            {
                continue;
            }

            switch (e.Key)
            {
                case CaseFields.Id:
                    d.IdLine = e.Value.Line;
                    string? id = Text(e, field);
                    if (id is null)
                    {
                        d.IdInvalid = true;
                        break;
                    }

                    id = id.Trim();
                    if (id.Length == 0)
                    {
                        _problems.Add(e.Value.Line, field, "the id is empty. Give the case a short, unique name (for example jailbreak-001).");
                        d.IdInvalid = true;
                    }
                    else if (id.Length > MaxIdLength || id.Any(char.IsControl))
                    {
                        _problems.Add(e.Value.Line, field, "the id must be one line of at most " + MaxIdLength + " characters. Use a short name (for example jailbreak-001) and put details in metadata.");
                        d.IdInvalid = true;
                    }
                    else
                    {
                        d.Id = id;
                    }

                    break;
                case CaseFields.Prompt:
                    d.PromptLine = e.Value.Line;
                    d.Prompt = Text(e, field);
                    if (d.Prompt is null)
                    {
                        d.PromptInvalid = true;
                    }
                    else if (d.Prompt.Trim().Length == 0)
                    {
                        _problems.Add(e.Value.Line, field, "the prompt is empty. Write the text to send to the model.");
                        d.Prompt = null;
                        d.PromptInvalid = true;
                    }

                    break;
                case CaseFields.System:
                    d.SystemLine = e.Value.Line;
                    d.System = Text(e, field);
                    break;
                case CaseFields.Messages:
                    d.MessagesLine = e.Value.Line;
                    d.Messages = ReadMessages(e, field, out bool invalid);
                    d.MessagesInvalid = invalid;
                    break;
                case CaseFields.Category:
                    string? category = Text(e, field)?.Trim();
                    if (category is { Length: 0 })
                    {
                        _problems.Add(e.Value.Line, field, "the category is empty. Name it (for example jailbreak) or remove the field.");
                    }
                    else
                    {
                        d.Category = category;
                    }

                    break;
                case CaseFields.Severity:
                    string? sev = Text(e, field);
                    if (sev is not null)
                    {
                        if (CaseVocabulary.TryParseSeverity(sev, out var severity))
                        {
                            d.Severity = severity;
                        }
                        else
                        {
                            _problems.Add(e.Value.Line, field, "unknown severity '" + sev + "'. Use one of: " + string.Join(", ", CaseVocabulary.Severities) + ".");
                        }
                    }

                    break;
                case CaseFields.Expect:
                    string? exp = Text(e, field);
                    if (exp is not null)
                    {
                        if (CaseVocabulary.TryParseExpectation(exp, out var expectation))
                        {
                            d.Expect = expectation;
                        }
                        else
                        {
                            _problems.Add(e.Value.Line, field, "unknown expectation '" + exp + "'. Use one of: " + string.Join(", ", CaseVocabulary.Expectations) + ".");
                        }
                    }

                    break;
                case CaseFields.Metadata:
                    ReadMetadata(e, field, d.Metadata);
                    break;
                case CaseFields.ExpectedLanguage:
                    string? lang = Text(e, field)?.Trim().ToLowerInvariant();
                    if (lang is not null)
                    {
                        if (Array.IndexOf(Languages, lang) >= 0)
                        {
                            d.ExpectedLanguage = lang;
                        }
                        else
                        {
                            _problems.Add(e.Value.Line, field, "unsupported language '" + lang + "'. Use a two-letter ISO 639-1 code the injection judge can recognize: " + string.Join(", ", Languages) + ".");
                        }
                    }

                    break;
                case CaseFields.InjectionFormat:
                    string? fmt = Text(e, field)?.Trim().ToLowerInvariant();
                    if (fmt is not null)
                    {
                        if (Array.IndexOf(CaseFields.InjectionFormats, fmt) >= 0)
                        {
                            d.InjectionFormat = fmt;
                        }
                        else
                        {
                            _problems.Add(e.Value.Line, field, "unknown injection format '" + fmt + "'. Use one of: " + string.Join(", ", CaseFields.InjectionFormats) + ".");
                        }
                    }

                    break;
                default:
                    var list = TextList(e, field);
                    switch (e.Key)
                    {
                        case CaseFields.Tags: d.Tags = list; break;
                        case CaseFields.Canaries: d.Canaries = list; break;
                        case CaseFields.Secrets: d.Secrets = list; break;
                        case CaseFields.ForbiddenTools: d.ForbiddenTools = list; break;
                        case CaseFields.ForbiddenArguments: d.ForbiddenArguments = list; break;
                        case CaseFields.ForbiddenLinks: d.ForbiddenLinks = list; break;
                    }

                    break;
            }
        }

        return d;
    }

    private List<PromptMessage>? ReadMessages(RawEntry e, string field, out bool invalid)
    {
        invalid = false;
        if (e.Value is not RawSequence seq)
        {
            _problems.Add(e.Value.Line, field, "'messages' must be a list of {role, content} items, not a " + e.Value.KindName + ".");
            invalid = true;
            return null;
        }

        var result = new List<PromptMessage>(seq.Items.Count);
        for (int i = 0; i < seq.Items.Count; i++)
        {
            string itemField = field + "[" + i + "]";
            if (seq.Items[i] is not RawMapping m)
            {
                _problems.Add(seq.Items[i].Line, itemField, "a message must be a mapping with 'role' and 'content', not a " + seq.Items[i].KindName + ".");
                invalid = true;
                continue;
            }

            PromptRole? role = null;
            string? content = null;
            bool ok = true;
            foreach (var me in m.Entries)
            {
                if (me.Key == CaseFields.Role)
                {
                    string? r = Text(me, itemField + ".role");
                    if (r is null)
                    {
                        ok = false;
                    }
                    else if (CaseVocabulary.TryParseRole(r, out var parsed))
                    {
                        role = parsed;
                    }
                    else
                    {
                        _problems.Add(me.Value.Line, itemField + ".role", "unknown role '" + r + "'. Use one of: " + string.Join(", ", CaseVocabulary.Roles) + ".");
                        ok = false;
                    }
                }
                else if (me.Key == CaseFields.Content)
                {
                    content = Text(me, itemField + ".content");
                    ok &= content is not null;
                }
                else
                {
                    UnknownField(me, new[] { CaseFields.Role, CaseFields.Content }, "message field", itemField + ".");
                    ok = false;
                }
            }

            if (ok && role is null)
            {
                _problems.Add(m.Line, itemField + ".role", "the message has no role. Add 'role:' (one of: " + string.Join(", ", CaseVocabulary.Roles) + ").");
                ok = false;
            }

            if (ok && content is null)
            {
                _problems.Add(m.Line, itemField + ".content", "the message has no content. Add 'content:' with its text.");
                ok = false;
            }

            if (ok)
            {
                result.Add(new PromptMessage(role!.Value, content!));
            }
            else
            {
                invalid = true;
            }
        }

        return result;
    }

    private void ReadMetadata(RawEntry e, string field, Dictionary<string, string> into)
    {
        if (e.Value is not RawMapping m)
        {
            _problems.Add(e.Value.Line, field, "'metadata' must be a mapping of key: text, not a " + e.Value.KindName + ".");
            return;
        }

        foreach (var me in m.Entries)
        {
            if (me.Value is RawScalar s)
            {
                into[me.Key] = s.Value ?? string.Empty;
            }
            else
            {
                _problems.Add(me.Value.Line, field + "." + me.Key, "metadata values must be text, not a " + me.Value.KindName + ". Write the value as one string (for example JSON in quotes).");
            }
        }
    }

    private string? Text(RawEntry e, string field)
    {
        if (e.Value is RawScalar { Value: { } value })
        {
            return value;
        }

        if (e.Value is RawScalar)
        {
            _problems.Add(e.KeyLine, field, "'" + e.Key + "' has no value. Write its text after the colon.");
        }
        else
        {
            _problems.Add(e.Value.Line, field, "'" + e.Key + "' must be text, not a " + e.Value.KindName + "." + (e.Value is RawMapping ? " Quote text that contains ': '." : string.Empty));
        }

        return null;
    }

    private List<string> TextList(RawEntry e, string field)
    {
        var result = new List<string>();
        if (e.Value is RawScalar { Value: { } single })
        {
            if (single.Trim().Length > 0)
            {
                result.Add(single.Trim());
            }

            return result;
        }

        if (e.Value is not RawSequence seq)
        {
            _problems.Add(e.Value.Line, field, "'" + e.Key + "' must be a list of text (for example [a, b]), not a " + e.Value.KindName + ".");
            return result;
        }

        foreach (var item in seq.Items)
        {
            if (item is RawScalar { Value: { } v })
            {
                if (v.Trim().Length > 0)
                {
                    result.Add(v.Trim());
                }
            }
            else
            {
                _problems.Add(item.Line, field, "'" + e.Key + "' items must be text, not a " + item.KindName + ".");
            }
        }

        return result;
    }

    private void UnknownField(RawEntry e, IReadOnlyList<string> known, string what, string prefix = "")
    {
        string? hint = CaseFields.Suggest(e.Key, known);
        _problems.Add(e.KeyLine, prefix + e.Key, "unknown " + what + " '" + e.Key + "'." + (hint is null ? string.Empty : " Did you mean '" + hint + "'?")
            + " Known: " + string.Join(", ", known) + (what == "case field" ? " (free-form values go under 'metadata:')" : string.Empty) + ".");
    }

    private static List<string> Concat(List<string> a, List<string> b)
    {
        var list = new List<string>(a.Count + b.Count);
        list.AddRange(a);
        list.AddRange(b);
        return list;
    }

    private static string[] Distinct(List<string> items) => items.Distinct(StringComparer.Ordinal).ToArray();

    private sealed class Draft
    {
        public Draft(int line) => Line = line;

        public int Line { get; }

        public string? Id { get; set; }

        public int IdLine { get; set; }

        public bool IdInvalid { get; set; }

        public string? Prompt { get; set; }

        public int PromptLine { get; set; }

        public bool PromptInvalid { get; set; }

        public string? System { get; set; }

        public int SystemLine { get; set; }

        public List<PromptMessage>? Messages { get; set; }

        public int MessagesLine { get; set; }

        public bool MessagesInvalid { get; set; }

        public string? Category { get; set; }

        public Severity? Severity { get; set; }

        public Expectation? Expect { get; set; }

        public List<string> Tags { get; set; } = new();

        public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);

        public List<string> Canaries { get; set; } = new();

        public List<string> Secrets { get; set; } = new();

        public List<string> ForbiddenTools { get; set; } = new();

        public List<string> ForbiddenArguments { get; set; } = new();

        public List<string> ForbiddenLinks { get; set; } = new();

        public string? ExpectedLanguage { get; set; }

        public string? InjectionFormat { get; set; }
    }
}
