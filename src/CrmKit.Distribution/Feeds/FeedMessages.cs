using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Distribution.Feeds;

/// <summary>The English messages of feed failures; each names the feed and the package.</summary>
internal static class FeedMessages
{
    public static string ConfigMissing(string path) => $"The nuget.config '{path}' does not exist.";

    public static string ConfigInvalid(string path, string reason) => $"The nuget.config '{path}' cannot be read: {reason}";

    public static string NoSources(string path) => $"The nuget.config '{path}' has no enabled package source.";

    public static string Insecure(string source, string url) =>
        $"The package source '{source}' ({url}) uses plain HTTP; set allowInsecureConnections=\"true\" on it in nuget.config to allow that.";

    public static string Unsupported(string source, string url) =>
        $"The package source '{source}' ({url}) is neither a local folder nor an HTTP(S) NuGet v3 feed.";

    public static string Unreachable(string source, string url, string reason) =>
        $"The package source '{source}' ({url}) could not be reached: {reason}";

    public static string TimedOut(string source, string url, TimeSpan timeout) =>
        $"The package source '{source}' ({url}) did not answer within {timeout.TotalSeconds:0.#} seconds.";

    public static string Unauthorized(string source, string url) =>
        $"The package source '{source}' ({url}) refused the credentials (401/403); check packageSourceCredentials in nuget.config.";

    public static string ServerError(string source, string url, string reason) =>
        $"The package source '{source}' ({url}) answered with an error: {reason}";

    public static string VersionNotFound(string id, NuGetVersion version) =>
        $"No package source has {id} {version.ToNormalizedString()}.";

    public static string HashMismatch(string id, NuGetVersion version, string source, string declaredBy, string expected, string actual) =>
        $"The package {id} {version.ToNormalizedString()} from '{source}' has SHA-512 {actual}, but {declaredBy} declares {expected}; it was not used.";

    public static string IdentityMismatch(string id, NuGetVersion version, PackageIdentity actual, string source) =>
        $"The package downloaded from '{source}' as {id} {version.ToNormalizedString()} says it is {actual.Id} {actual.Version.ToNormalizedString()}.";

    public static string Unreadable(string id, NuGetVersion version, string source, string reason) =>
        $"The package {id} {version.ToNormalizedString()} from '{source}' is not a readable NuGet package: {reason}";
}
