using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

/// <summary>One version of a package on one feed.</summary>
/// <param name="Id">The package id as the feed spells it.</param>
/// <param name="Version">The version.</param>
/// <param name="Source">The feed's source name (from nuget.config).</param>
public sealed record FeedPackageVersion(string Id, NuGetVersion Version, string Source);
