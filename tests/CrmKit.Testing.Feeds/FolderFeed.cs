using NuGet.Packaging;

namespace CrmKit.Testing.Feeds;

/// <summary>Local folder feeds: flat (every .nupkg in one folder) and v3 (hierarchical, with .nupkg.sha512 files).</summary>
public static class FolderFeed
{
    /// <summary>Writes packages into a flat folder feed (created when missing); returns the folder.</summary>
    public static string WriteFlat(string folder, params TestPackage[] packages)
    {
        Directory.CreateDirectory(folder);
        foreach (var package in packages)
        {
            File.WriteAllBytes(Path.Combine(folder, package.FileName), package.Bytes);
        }

        return folder;
    }

    /// <summary>
    /// Writes packages into a v3 folder feed: <c>id/version/id.version.nupkg</c>, its <c>.nupkg.sha512</c> (the hash
    /// of <paramref name="declaredFor"/>'s bytes when given, else the package's own) and the nuspec.
    /// </summary>
    public static string WriteV3(string folder, TestPackage package, TestPackage? declaredFor = null)
    {
        var resolver = new VersionFolderPathResolver(folder);
        var directory = resolver.GetInstallPath(package.Id, package.Version);
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(resolver.GetPackageFilePath(package.Id, package.Version), package.Bytes);
        File.WriteAllText(resolver.GetHashPath(package.Id, package.Version), (declaredFor ?? package).Sha512);
        File.WriteAllBytes(resolver.GetManifestFilePath(package.Id, package.Version), package.Nuspec);
        return folder;
    }

    /// <summary>Writes a nuget.config with the given sources (name, location) and, per source, optional Basic credentials.</summary>
    public static string WriteNuGetConfig(string path, params FeedSource[] sources)
    {
        var adds = string.Join("\n", sources.Select(s =>
            $"    <add key=\"{s.Name}\" value=\"{System.Security.SecurityElement.Escape(s.Location)}\"{(s.Location.StartsWith("http:", StringComparison.Ordinal) ? " allowInsecureConnections=\"true\"" : "")} protocolVersion=\"3\" />"));
        var credentials = string.Join("\n", sources.Where(s => s.UserName is not null).Select(s =>
            $"    <{s.Name}>\n      <add key=\"Username\" value=\"{s.UserName}\" />\n      <add key=\"ClearTextPassword\" value=\"{s.Password}\" />\n    </{s.Name}>"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
            {adds}
              </packageSources>
              <packageSourceCredentials>
            {credentials}
              </packageSourceCredentials>
            </configuration>
            """);
        return path;
    }
}

/// <summary>A package source for <see cref="FolderFeed.WriteNuGetConfig"/>.</summary>
/// <param name="Name">The source name (letters, digits, dots and hyphens, as an XML element name).</param>
/// <param name="Location">A folder or an index.json URL.</param>
/// <param name="UserName">Basic auth user, or null.</param>
/// <param name="Password">Basic auth password.</param>
public sealed record FeedSource(string Name, string Location, string? UserName = null, string? Password = null);
