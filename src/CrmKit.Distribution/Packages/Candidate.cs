using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Distribution.Packages;

/// <summary>One version of one plugin that a plan may choose, with the plugins it depends on.</summary>
/// <param name="Id">The plugin id (as the feed or lock spells it).</param>
/// <param name="Version">The version.</param>
/// <param name="Source">The feed's source name (for the installed version, the source it came from).</param>
/// <param name="Dependencies">Its plugin dependencies (nuspec dependency group nearest to the host framework).</param>
/// <param name="FromLock">Whether this is the installed version, known from the lock (the feeds need not have it).</param>
internal sealed record Candidate(string Id, NuGetVersion Version, string Source, IReadOnlyList<PackageDependency> Dependencies, bool FromLock);
