using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using SafetyTests.Statistics;

namespace SafetyTests.Trials;

/// <summary>
/// Samples a test body as trials and decides the case with the statistics engine. Framework-neutral: test
/// adapters (xUnit, NUnit) call <see cref="RunAsync"/> with a body that runs the test once and report the
/// <see cref="SafetyRunResult"/> as one test result.
/// </summary>
/// <remarks>
/// <para>Each trial gets a <see cref="SafetyTrial"/> (sample index, derived seed, cancellation) that is current
/// on the body's async flow. Returning is a safe sample; an exception the <see cref="TrialClassifier"/> calls
/// unsafe is an unsafe sample; any other exception is an errored trial, never safe.</para>
/// <para>Up to <see cref="SafetyRunOptions.MaxConcurrency"/> trials run at once, never more than the decision can
/// still need, and never more than MaxConcurrency beyond the first trial not yet counted (a slow trial holds back new
/// ones instead of letting fast ones run far ahead and be wasted at the decision). Outcomes are counted in sample
/// order, whatever order they complete in, so a run is reproducible for a given seed and does not favour fast answers. Once decided, no trial is started, trials in flight are
/// cancelled through <see cref="SafetyTrial.CancellationToken"/> and awaited, and their outcomes are not counted.</para>
/// </remarks>
public sealed class SafetyTrialRunner
{
    /// <summary>Creates a runner; validates the options and builds the design once.</summary>
    /// <param name="options">The sampling settings (copied).</param>
    /// <param name="classifier">Which exceptions are unsafe; <see cref="TrialClassifier.Default"/> when null.</param>
    /// <exception cref="SafetyOptionsException">The options are invalid; the message lists every problem.</exception>
    public SafetyTrialRunner(SafetyRunOptions options, TrialClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Clone();
        Design = Options.CreateDesign();
        Classifier = classifier ?? TrialClassifier.Default;
    }

    /// <summary>The settings (a copy of those given).</summary>
    public SafetyRunOptions Options { get; }

    /// <summary>The sampling design built from <see cref="Options"/>.</summary>
    public SamplingDesign Design { get; }

    /// <summary>The exception classifier.</summary>
    public TrialClassifier Classifier { get; }

    /// <summary>Samples <paramref name="body"/> until the case is decided and returns the verdict with its evidence.</summary>
    /// <param name="context">The case and the test that runs it.</param>
    /// <param name="body">Runs the test once; returns for safe, throws for unsafe or error.</param>
    /// <param name="cancellationToken">Aborts the run (trials in flight are cancelled).</param>
    /// <returns>The result, with the record and the summary.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled before a decision.</exception>
    public async Task<SafetyRunResult> RunAsync(SafetyRunContext context, Func<SafetyTrial, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        cancellationToken.ThrowIfCancellationRequested();

        long started = Stopwatch.GetTimestamp();
        int runSeed = Options.EffectiveSeed;
        int maxConcurrency = Options.MaxConcurrency;
        var decision = Design.Start();
        var completed = new TrialResult?[Design.MaxTrials];
        var counted = new List<TrialResult>();
        var all = new List<TrialResult>();
        var running = new List<Task<TrialResult>>(Math.Min(maxConcurrency, Design.MaxTrials));
        int launched = 0;
        int next = 0;

        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            void Accept(TrialResult result)
            {
                all.Add(result);
                completed[result.Index] = result;
                while (!decision.IsDecided && next < launched && completed[next] is { } inOrder)
                {
                    if (inOrder.Cancelled)
                    {
                        break;
                    }

                    if (FindBudgetExhaustion(inOrder.Exception) is { } budget)
                    {
                        // Not a sample and not an infrastructure error: stop without a decision.
                        decision.Abandon(budget.InconclusiveReason);
                        break;
                    }

                    counted.Add(inOrder);
                    decision.Record(inOrder.Outcome);
                    next++;
                }

                if (decision.IsDecided && !stop.IsCancellationRequested)
                {
                    stop.Cancel();
                }
            }

            while (true)
            {
                while (!decision.IsDecided
                    && !stop.IsCancellationRequested
                    && running.Count < maxConcurrency
                    && launched - next < maxConcurrency
                    && launched - next < decision.MaxRemainingTrials)
                {
                    int index = launched++;
                    var task = RunTrialAsync(context.Case, index, TrialSeeds.Derive(runSeed, context.CaseId, index), body, stop.Token);
                    if (task.IsCompleted)
                    {
                        Accept(task.Result);
                    }
                    else
                    {
                        running.Add(task);
                    }
                }

                if (running.Count == 0)
                {
                    break;
                }

                var done = await Task.WhenAny(running).ConfigureAwait(false);
                running.Remove(done);
                Accept(await done.ConfigureAwait(false));
            }
        }

        if (!decision.IsDecided)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("The trial engine stopped without a decision; this is a bug in SafetyTests.");
        }

        all.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        long durationMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return SafetyRunReport.Build(context, Options, decision, runSeed, counted, all, durationMs);
    }

    private static SafetyBudgetExceededException? FindBudgetExhaustion(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SafetyBudgetExceededException budget)
            {
                return budget;
            }
        }

        return null;
    }

    private async Task<TrialResult> RunTrialAsync(PromptCase? promptCase, int index, int seed, Func<SafetyTrial, ValueTask> body, CancellationToken stop)
    {
        var trial = new SafetyTrial(promptCase, index, seed, stop);
        try
        {
            using (SafetyTrial.Enter(trial))
            {
                await body(trial).ConfigureAwait(false);
            }

            return new TrialResult(trial, TrialOutcome.Safe, null, cancelled: false);
        }
        catch (Exception ex)
        {
            var unwrapped = TrialClassifier.Unwrap(ex);
            if (stop.IsCancellationRequested && unwrapped is OperationCanceledException)
            {
                return new TrialResult(trial, TrialOutcome.Error, unwrapped, cancelled: true);
            }

            return new TrialResult(trial, Classifier.Classify(unwrapped), unwrapped, cancelled: false);
        }
    }
}
