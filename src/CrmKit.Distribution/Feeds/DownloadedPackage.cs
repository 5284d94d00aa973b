using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

/// <summary>A package downloaded to a local file whose SHA-512 was checked against what its feed declares.</summary>
/// <param name="Id">The package id.</param>
/// <param name="Version">The package version.</param>
/// <param name="Source">The feed's source name it came from.</param>
/// <param name="FilePath">The local .nupkg file.</param>
/// <param name="Sha512">The file's SHA-512, base64.</param>
/// <param name="HashDeclared">
/// Whether the feed declared a hash that was checked (HTTP registration packageHash, or a v3 folder's .nupkg.sha512);
/// false for a flat folder feed, where the computed hash is only pinned.
/// </param>
public sealed record DownloadedPackage(string Id, NuGetVersion Version, string Source, string FilePath, string Sha512, bool HashDeclared);
