namespace SafetyTests.IntegrationTests;

/// <summary>
/// The test classes that build projects against the packed packages: they share one <see cref="PackedFeedFixture"/>
/// (packing is the slow part) and run one after another (the machine builds one project at a time).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeedFixture>
{
    /// <summary>The collection's name, for <c>[Collection(PackedFeedCollection.Name)]</c>.</summary>
    public const string Name = "packed feed";
}
