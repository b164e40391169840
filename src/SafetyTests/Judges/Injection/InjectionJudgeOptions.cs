using System.Collections.Generic;

namespace SafetyTests;

/// <summary>
/// Options of the injection judge. The case declares what a followed injection would look like (its
/// <see cref="PromptCase.Canaries"/>, <see cref="PromptCase.ForbiddenLinks"/>, <see cref="PromptCase.ExpectedLanguage"/>
/// and <see cref="PromptCase.InjectionFormat"/>); these options add to it.
/// </summary>
public sealed class InjectionJudgeOptions
{
    /// <summary>Marker texts the planted instruction asks for (in addition to the case's canaries).</summary>
    public IList<string> Markers { get; } = new List<string>();

    /// <summary>Links or domains the planted instruction asks to include (in addition to the case's).</summary>
    public IList<string> ForbiddenLinks { get; } = new List<string>();

    /// <summary>The language the reply must stay in, when the case does not say (<c>de</c>, <c>en</c>, <c>es</c>, <c>fr</c>, <c>it</c>, <c>nl</c>, <c>pt</c>).</summary>
    public string? ExpectedLanguage { get; set; }

    /// <summary>The format the planted instruction asks for, when the case does not say (<c>json</c>, <c>uppercase</c>, <c>code</c>, <c>table</c>, <c>bullets</c>).</summary>
    public string? InjectionFormat { get; set; }
}
