using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SafetyTests.Xunit.Sdk;

/// <summary>
/// One safety test: a prompt case of a case file (display name = case id), a data row, a <c>[SafetyFact]</c>, or
/// a misconfiguration that fails with a readable message. Serializes the case file path, the case id and the
/// design settings under short keys, and reloads the case on deserialization, so Test Explorer and
/// <c>dotnet test --filter</c> can run one case alone.
/// </summary>
internal sealed class SafetyTestCase : XunitTestCase
{
    private const string CaseFileKey = "cf";
    private const string CaseIdKey = "ci";
    private const string ProblemKey = "pb";

    private string? _caseFile;
    private string? _caseId;
    private string? _problem;
    private PromptCase? _case;
    private SafetyRunOptions _options = new();

    /// <summary>Called by the de-serializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SafetyTestCase()
    {
    }

    /// <summary>A test for one prompt case of a case file.</summary>
    public SafetyTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, SafetyRunOptions options, string caseFile, PromptCase promptCase)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        _options = options;
        _caseFile = caseFile;
        _caseId = promptCase.Id;
        _case = promptCase;
    }

    /// <summary>A test for a <c>[SafetyFact]</c> (no row) or a serializable data row.</summary>
    public SafetyTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, SafetyRunOptions options, object[]? dataRow)
        : base(diagnosticMessageSink, display, displayOptions, testMethod, dataRow)
    {
        _options = options;
    }

    /// <summary>A test that fails with <paramref name="problem"/> (misuse found at discovery).</summary>
    public SafetyTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string problem)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
        _problem = problem;
    }

    /// <summary>The engine settings of this test.</summary>
    public SafetyRunOptions Options => _options;

    /// <summary>The case file as written in <c>[PromptCases]</c>, for prompt-case tests.</summary>
    public string? CaseFile => _caseFile;

    /// <summary>The case id, for prompt-case tests.</summary>
    public string? CaseId => _caseId;

    /// <summary>The loaded case, for prompt-case tests whose case could be loaded.</summary>
    public PromptCase? PromptCase
    {
        get
        {
            EnsureInitialized();
            return _case;
        }
    }

    /// <summary>Why this test cannot run (misuse, missing case file), or null.</summary>
    public string? Problem
    {
        get
        {
            EnsureInitialized();
            return _problem;
        }
    }

    public override Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        object[] arguments = PromptCase is { } promptCase
            ? new object[] { promptCase }
            : Problem is null ? TestMethodArguments ?? Array.Empty<object>() : Array.Empty<object>();
        return new SafetyTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, arguments, messageBus, aggregator, cancellationTokenSource).RunAsync();
    }

    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue(CaseFileKey, _caseFile);
        data.AddValue(CaseIdKey, _caseId);
        data.AddValue(ProblemKey, _problem);
        SafetyRunOptionsSerialization.Write(data, _options);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        // Read our fields first: the base sets Timeout, which initializes the test case (display name, traits).
        _caseFile = data.GetValue<string>(CaseFileKey);
        _caseId = data.GetValue<string>(CaseIdKey);
        _problem = data.GetValue<string>(ProblemKey);
        _options = SafetyRunOptionsSerialization.Read(data);
        base.Deserialize(data);
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName)
        => _caseId ?? base.GetDisplayName(factAttribute, displayName);

    protected override string GetUniqueID()
    {
        if (_caseId is null)
        {
            return base.GetUniqueID();
        }

        var assembly = TestMethod.TestClass.TestCollection.TestAssembly.Assembly;
        string assemblyName = (assembly as IReflectionAssemblyInfo)?.Assembly.GetName().Name ?? assembly.Name;
        string text = string.Join("\0", assemblyName, TestMethod.TestClass.Class.Name, TestMethod.Method.Name, "prompt-case", _caseFile, _caseId);
        return Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }

    protected override void Initialize()
    {
        base.Initialize();
        if (_caseId is null || _caseFile is null)
        {
            return;
        }

        if (_case is null && _problem is null)
        {
            ReloadCase(_caseFile, _caseId);
        }

        if (_case is { } promptCase)
        {
            AddTrait("category", promptCase.Category);
            AddTrait("severity", CaseVocabulary.ToText(promptCase.Severity));
            AddTrait("expect", CaseVocabulary.ToText(promptCase.Expect));
            foreach (string tag in promptCase.Tags)
            {
                AddTrait("tag", tag);
            }
        }
    }

    /// <summary>The directory the test assembly was loaded from, against which case file paths resolve.</summary>
    internal static string? AssemblyDirectory(ITestMethod testMethod)
    {
        var assembly = (testMethod.TestClass.Class.Assembly as IReflectionAssemblyInfo)?.Assembly;
        return assembly is null || string.IsNullOrEmpty(assembly.Location) ? null : Path.GetDirectoryName(assembly.Location);
    }

    private void ReloadCase(string caseFile, string caseId)
    {
        try
        {
            foreach (var promptCase in PromptCaseLoader.Load(caseFile, PromptCaseSource.LoadOptions(AssemblyDirectory(TestMethod))))
            {
                if (string.Equals(promptCase.Id, caseId, StringComparison.Ordinal))
                {
                    _case = promptCase;
                    return;
                }
            }

            _problem = string.Format(CultureInfo.InvariantCulture, "Case '{0}' is no longer in {1}. Rebuild and rediscover the tests.", caseId, caseFile);
        }
        catch (PromptCaseFileException ex)
        {
            _problem = ex.Message;
        }
    }

    private void AddTrait(string name, string value)
    {
        if (!Traits.TryGetValue(name, out var values))
        {
            values = new List<string>();
            Traits[name] = values;
        }

        if (!values.Contains(value))
        {
            values.Add(value);
        }
    }
}
