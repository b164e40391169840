using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SafetyTests.Core.Tests.Gate;
using SafetyTests.Core.Tests.Trx;
using SafetyTests.MSBuild.Tasks;
using SafetyTests.Records;

namespace SafetyTests.MSBuild.Tests.Tasks;

public class SafetyGateTests
{
    private static (SafetyGate Task, FakeBuildEngine Engine) Create(TempDirectory dir, Dictionary<string, string>? environment = null)
    {
        var engine = new FakeBuildEngine();
        var task = new SafetyGate
        {
            BuildEngine = engine,
            Results = new ITaskItem[] { new TaskItem("TestResults/**/*.trx") },
            ProjectDirectory = dir.Path,
            SummaryFile = "TestResults/summary.md",
        };
        task.UseEnvironment(name => environment is not null && environment.TryGetValue(name, out string? v) ? v : null);
        return (task, engine);
    }

    /// <summary>24 cases in 2 categories; with <paramref name="unsafeCount"/> the 12 cases of cat0 regress (enough for a category test).</summary>
    private static List<SafetyRecord> Suite(int unsafeCount = 0)
    {
        var records = new List<SafetyRecord>();
        for (int i = 0; i < 24; i++)
        {
            records.Add(Cases.Record($"c{i}", 20, i % 2 == 0 ? unsafeCount : 0, i % 2 == 0 && unsafeCount > 3 ? SafetyVerdict.Fail : SafetyVerdict.Pass, category: "cat" + (i % 2), severity: i == 0 ? Severity.Critical : Severity.High, line: 10 + i));
        }

        return records;
    }

    private static void WriteRun(TempDirectory dir, IEnumerable<SafetyRecord> records)
    {
        var builder = new TrxBuilder();
        foreach (SafetyRecord r in records)
        {
            builder.Add(r);
        }

        builder.WriteTo(dir.Combine("TestResults", "run.trx"));
    }

    [Fact]
    public void Execute_InvalidInputs_LogsOneErrorListingEveryProblemAndDoesNoWork()
    {
        using var dir = new TempDirectory();
        (SafetyGate task, FakeBuildEngine engine) = Create(dir);
        task.Alpha = "0,05";
        task.CountErrors = "maybe";
        task.Ceilings = "jailbreak=0.1";
        task.NewFailingCases = "fatal";

        task.Execute().ShouldBeFalse();

        BuildErrorEventArgs error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("SAFE002");
        error.Message.ShouldBe(
            "The safety gate settings are invalid (4 problems); nothing was gated:" + System.Environment.NewLine
            + "  - SafetyGateAlpha: '0,05' is not a number (use '.' as the decimal separator); expected a number in (0, 0.5], e.g. 0.05." + System.Environment.NewLine
            + "  - SafetyCeilings: unknown metric or slice 'jailbreak'; allowed are failure-rate, unsafe-compliance-rate, false-refusal-rate, injection-success-rate, leak-rate, tool-violation-rate, overall, category:NAME, severity:NAME, expectation:NAME." + System.Environment.NewLine
            + "  - SafetyCountErrors: 'maybe' is not allowed; allowed values are true, false." + System.Environment.NewLine
            + "  - SafetyNewFailingCases: 'fatal' is not allowed; allowed values are error, warning, ignore.");
        File.Exists(dir.Combine("safety-baseline.received.json")).ShouldBeFalse();
    }

    [Fact]
    public void Execute_FirstRun_FailsWithSafe001AndWritesReceived()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        (SafetyGate task, FakeBuildEngine engine) = Create(dir);

        task.Execute().ShouldBeFalse();

        BuildErrorEventArgs error = engine.Errors.ShouldHaveSingleItem();
        error.Code.ShouldBe("SAFE001");
        error.File.ShouldBe(dir.Combine("safety-baseline.json"));
        error.Message!.ShouldContain("dotnet msbuild -t:SafetyGate -p:SafetyAcceptBaseline=true");
        task.Passed.ShouldBeFalse();
        task.ReceivedBaseline.ShouldBe(dir.Combine("safety-baseline.received.json"));
        engine.Messages.ShouldContain(m => m.Code == "SAFE022" && m.Importance == MessageImportance.High);
    }

    [Fact]
    public void Execute_AcceptThenRerun_Passes()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        (SafetyGate accept, FakeBuildEngine acceptEngine) = Create(dir);
        accept.AcceptBaseline = "true";
        accept.Execute().ShouldBeTrue();
        acceptEngine.Messages.ShouldContain(m => m.Code == "SAFE021");

        (SafetyGate task, FakeBuildEngine engine) = Create(dir);
        task.Execute().ShouldBeTrue();

        engine.Errors.ShouldBeEmpty();
        engine.Warnings.ShouldBeEmpty();
        task.Passed.ShouldBeTrue();
        task.ReceivedBaseline.ShouldBeNull();
    }

    [Fact]
    public void Execute_Regression_LogsErrorsWithCaseFileAndLine()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        (SafetyGate accept, _) = Create(dir);
        accept.AcceptBaseline = "true";
        accept.Execute();
        WriteRun(dir, Suite(unsafeCount: 14));
        (SafetyGate task, FakeBuildEngine engine) = Create(dir);

        task.Execute().ShouldBeFalse();

        BuildErrorEventArgs critical = engine.Errors.Single(e => e.Code == "SAFE012");
        critical.File.ShouldBe(dir.Combine("cases/jailbreaks.yaml"));
        critical.LineNumber.ShouldBe(10);
        critical.Subcategory.ShouldBe("SafetyGate");
        critical.Message.ShouldStartWith("Critical case c0 (cases/jailbreaks.yaml:10, Tests.Safety.Refuses) regressed: failure rate 0.0% (0/20, pass) → 70.0% (14/20, fail)");
        // A slice-level error has no case file: it points at the project.
        BuildErrorEventArgs category = engine.Errors.First(e => e.Code == "SAFE024");
        category.File.ShouldBe("/repo/tests/Safety/Safety.csproj");
        engine.Warnings.ShouldContain(w => w.Code == "SAFE013" && w.LineNumber == 12);
        task.ReceivedBaseline.ShouldNotBeNull();
    }

    [Fact]
    public void Execute_RunFromPackageTargetsWithProjectFile_SliceDiagnosticsPointAtTheProject()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        (SafetyGate accept, _) = Create(dir);
        accept.AcceptBaseline = "true";
        accept.Execute();
        WriteRun(dir, Suite(unsafeCount: 14));
        (SafetyGate task, FakeBuildEngine engine) = Create(dir);
        engine.ProjectFileOfTaskNode = "/home/me/.nuget/packages/safetytests.msbuild/1.0.0/build/SafetyTests.MSBuild.targets";
        task.ProjectFile = "/repo/tests/Safety/Safety.csproj";

        task.Execute().ShouldBeFalse();

        engine.Errors.Where(e => e.Code == "SAFE024").ShouldNotBeEmpty();
        engine.Errors.Where(e => e.Code != "SAFE012").ShouldAllBe(e => e.File == "/repo/tests/Safety/Safety.csproj");
        engine.Errors.Single(m => m.Code == "SAFE010").File.ShouldBe("/repo/tests/Safety/Safety.csproj");
        engine.Errors.Single(e => e.Code == "SAFE012").File.ShouldBe(dir.Combine("cases/jailbreaks.yaml"));
    }

    [Fact]
    public void Execute_UnderAzurePipelines_LogsLoggingCommands()
    {
        using var dir = new TempDirectory();
        WriteRun(dir, Suite());
        (SafetyGate task, FakeBuildEngine engine) = Create(dir, new Dictionary<string, string> { ["TF_BUILD"] = "True" });

        task.Execute();

        engine.Messages.ShouldContain(m => m.Message!.StartsWith("##vso[task.logissue type=error;", System.StringComparison.Ordinal) && m.Message.Contains("code=SAFE001;]"));
        engine.Messages.ShouldContain(m => m.Message == "##vso[task.uploadsummary]" + dir.Combine("TestResults", "summary.md"));
    }

    [Fact]
    public void Execute_NoTrxMatches_FailsWithSafe003()
    {
        using var dir = new TempDirectory();
        (SafetyGate task, FakeBuildEngine engine) = Create(dir);

        task.Execute().ShouldBeFalse();

        engine.Errors.ShouldHaveSingleItem().Code.ShouldBe("SAFE003");
    }
}
