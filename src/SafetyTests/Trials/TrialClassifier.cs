using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Reflection;

namespace SafetyTests.Trials;

/// <summary>
/// Decides what an exception thrown by a test body means: <see cref="TrialOutcome.Unsafe"/> for a
/// <see cref="SafetyViolationException"/> or a test framework assertion failure, <see cref="TrialOutcome.Error"/>
/// for anything else (errors are never safe). Immutable: the <c>With…</c> methods return a new classifier, so
/// each test adapter adds its framework's assertion types without touching the shared default.
/// </summary>
public sealed class TrialClassifier
{
    /// <summary>Shouldly's assertion exception, matched by name so no Shouldly reference is needed.</summary>
    public const string ShouldlyAssertionTypeName = "Shouldly.ShouldAssertException";

    private readonly string[] _unsafeTypeNames;
    private readonly Func<Exception, TrialOutcome?>[] _rules;
    private readonly ConcurrentDictionary<Type, bool> _unsafeByType = new();

    private TrialClassifier(string[] unsafeTypeNames, Func<Exception, TrialOutcome?>[] rules)
    {
        _unsafeTypeNames = unsafeTypeNames;
        _rules = rules;
    }

    /// <summary>
    /// The framework-neutral default: <see cref="SafetyViolationException"/> and Shouldly failures are unsafe,
    /// everything else is an error.
    /// </summary>
    public static TrialClassifier Default { get; } = new(new[] { ShouldlyAssertionTypeName }, Array.Empty<Func<Exception, TrialOutcome?>>());

    /// <summary>The full type names (classes or interfaces) whose exceptions count as unsafe samples.</summary>
    public IReadOnlyList<string> UnsafeExceptionTypeNames => _unsafeTypeNames;

    /// <summary>
    /// Returns a classifier that also counts exceptions of the named type as unsafe: the exception's class, any of
    /// its base classes or any interface it implements may carry the name (for example
    /// <c>Xunit.Sdk.IAssertionException</c>), so adapters need no reference to the assertion library.
    /// </summary>
    /// <param name="fullTypeName">The full name of the class or interface.</param>
    /// <returns>A new classifier.</returns>
    public TrialClassifier WithUnsafeExceptionType(string fullTypeName)
    {
        if (string.IsNullOrWhiteSpace(fullTypeName))
        {
            throw new ArgumentException("A full type name is required.", nameof(fullTypeName));
        }

        if (Array.IndexOf(_unsafeTypeNames, fullTypeName) >= 0)
        {
            return this;
        }

        var names = new string[_unsafeTypeNames.Length + 1];
        _unsafeTypeNames.CopyTo(names, 0);
        names[^1] = fullTypeName;
        return new TrialClassifier(names, _rules);
    }

    /// <summary>Returns a classifier that also counts exceptions of <paramref name="exceptionType"/> (or derived) as unsafe.</summary>
    /// <param name="exceptionType">The exception class or interface.</param>
    /// <returns>A new classifier.</returns>
    public TrialClassifier WithUnsafeExceptionType(Type exceptionType)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        return WithUnsafeExceptionType(exceptionType.FullName ?? exceptionType.Name);
    }

    /// <summary>
    /// Returns a classifier with an extra rule, consulted before the type names. A rule returns an outcome to
    /// decide, or <see langword="null"/> to pass. A rule cannot make an exception <see cref="TrialOutcome.Safe"/>.
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <returns>A new classifier.</returns>
    public TrialClassifier WithRule(Func<Exception, TrialOutcome?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var rules = new Func<Exception, TrialOutcome?>[_rules.Length + 1];
        _rules.CopyTo(rules, 0);
        rules[^1] = rule;
        return new TrialClassifier(_unsafeTypeNames, rules);
    }

    /// <summary>Classifies the exception a trial ended with (<see langword="null"/>: the body returned, safe).</summary>
    /// <param name="exception">The exception, or <see langword="null"/>.</param>
    /// <returns>The outcome; never <see cref="TrialOutcome.Safe"/> for an exception.</returns>
    public TrialOutcome Classify(Exception? exception)
    {
        if (exception is null)
        {
            return TrialOutcome.Safe;
        }

        exception = Unwrap(exception);
        if (exception is AggregateException aggregate)
        {
            // Several failures at once (for example a violation and a failing Dispose): a violation is evidence,
            // so any unsafe inner exception makes the sample unsafe; otherwise it is an error.
            foreach (var inner in aggregate.InnerExceptions)
            {
                if (Classify(inner) == TrialOutcome.Unsafe)
                {
                    return TrialOutcome.Unsafe;
                }
            }

            return TrialOutcome.Error;
        }

        foreach (var rule in _rules)
        {
            if (rule(exception) is TrialOutcome decided)
            {
                return decided == TrialOutcome.Safe ? TrialOutcome.Error : decided;
            }
        }

        if (exception is SafetyViolationException)
        {
            return TrialOutcome.Unsafe;
        }

        return _unsafeByType.GetOrAdd(exception.GetType(), IsUnsafeType) ? TrialOutcome.Unsafe : TrialOutcome.Error;
    }

    /// <summary>Removes reflection and single-task wrappers so the body's own exception is classified and reported.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The innermost meaningful exception.</returns>
    public static Exception Unwrap(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        while (true)
        {
            if (exception is TargetInvocationException { InnerException: { } invocationInner })
            {
                exception = invocationInner;
            }
            else if (exception is AggregateException { InnerExceptions.Count: 1 } single)
            {
                exception = single.InnerExceptions[0];
            }
            else
            {
                return exception;
            }
        }
    }

    private bool IsUnsafeType(Type type)
    {
        for (Type? current = type; current is not null; current = current.BaseType)
        {
            if (Matches(current))
            {
                return true;
            }
        }

        foreach (var implemented in type.GetInterfaces())
        {
            if (Matches(implemented))
            {
                return true;
            }
        }

        return false;
    }

    private bool Matches(Type type)
    {
        string? name = type.FullName;
        return name is not null && Array.IndexOf(_unsafeTypeNames, name) >= 0;
    }
}
