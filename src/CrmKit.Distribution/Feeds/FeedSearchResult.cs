using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

/// <summary>A package a feed search found.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The highest version the search allowed.</param>
/// <param name="Versions">Every version the search allowed, highest first.</param>
/// <param name="Title">The title, or the id when it has none.</param>
/// <param name="Description">The description; empty when none.</param>
/// <param name="Authors">The authors; empty when none.</param>
/// <param name="Source">The feed's source name.</param>
public sealed record FeedSearchResult(
    string Id, NuGetVersion Version, IReadOnlyList<NuGetVersion> Versions, string Title, string Description, string Authors, string Source);
