namespace SafetyTests.Gate;

/// <summary>A category that must be covered by at least <see cref="MinimumCases"/> cases in every run.</summary>
internal sealed class RequiredCategory
{
    public RequiredCategory(string category, int minimumCases)
    {
        Category = category;
        MinimumCases = minimumCases;
    }

    public string Category { get; }

    public int MinimumCases { get; }
}
