using CrmKit.Core.Editions;
using CrmKit.Distribution;
using CrmKit.Distribution.Feeds;
using CrmKit.Editions.Packing;
using CrmKit.Editions.Reading;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Versioning;

namespace CrmKit.Editions;

/// <summary>
/// Fetches edition packages from the feeds of the host's nuget.config (the plugin distribution's feed client: the same
/// sources, credentials, prerelease rule and SHA-512 checks) and reads them strictly.
/// </summary>
internal sealed class EditionFeed(IOptions<PluginPackageOptions> distribution, IOptions<EditionOptions> options, IHostEnvironment? environment = null)
{
    private string Root => environment?.ContentRootPath ?? Directory.GetCurrentDirectory();

    public async Task<FetchedEdition> FetchAsync(EditionRequest request, CancellationToken cancellationToken)
    {
        var client = new PackageFeedClient(Path.Combine(Root, distribution.Value.NuGetConfig), distribution.Value.FeedTimeout);
        NuGetVersion? exact = null;
        if (request.Version is not null && !NuGetVersion.TryParse(request.Version, out exact))
        {
            throw Fail(EditionErrorCodes.NotFound, $"'{request.Version}' is not a version.");
        }

        try
        {
            var prerelease = request.IncludePrerelease || distribution.Value.AllowPrerelease || exact?.IsPrerelease == true;
            var versions = await client.FindVersionsAsync(request.Id, prerelease, cancellationToken);
            var chosen = exact is null ? (versions.Count > 0 ? versions[0] : null) : versions.FirstOrDefault(v => v.Version == exact);
            if (chosen is null)
            {
                throw Fail(EditionErrorCodes.NotFound, exact is null
                    ? $"No feed has the edition {request.Id}."
                    : $"No feed has version {exact} of the edition {request.Id}{(versions.Count > 0 ? " (available: " + string.Join(", ", versions.Take(10).Select(v => v.Version)) + ")" : "")}.");
            }

            var folder = Path.Combine(Root, options.Value.PackageFolder);
            var downloaded = await client.DownloadAsync(chosen.Id, chosen.Version, folder, null, cancellationToken);
            return Open(downloaded.FilePath, downloaded.Source, downloaded.Sha512);
        }
        catch (PackageFeedException e)
        {
            throw new EditionException([new EditionProblem(
                e.Failure == PackageFeedFailure.NotFound ? EditionErrorCodes.NotFound : EditionErrorCodes.FeedFailed, e.Message)], e);
        }
    }

    /// <summary>Opens a local edition package: it must be of type CrmKitEdition and hold an edition whose id and version are the package's.</summary>
    public static FetchedEdition Open(string path, string source, string sha512)
    {
        try
        {
            using (var reader = new PackageArchiveReader(path))
            {
                var identity = reader.GetIdentity();
                if (!reader.GetPackageTypes().Any(t => string.Equals(t.Name, EditionPackager.PackageTypeName, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Fail(EditionErrorCodes.NotAnEdition, $"{identity.Id} {identity.Version} is not a CrmKit edition (package type {EditionPackager.PackageTypeName}).");
                }

                var content = EditionReader.Read(PackageEditionFiles.Open(path));
                if (!string.Equals(content.Id, identity.Id, StringComparison.OrdinalIgnoreCase) || content.Version != identity.Version)
                {
                    throw Fail(EditionErrorCodes.NotAnEdition,
                        $"The package {identity.Id} {identity.Version} holds edition {content.Id} {content.Version}; they must match.");
                }

                return new FetchedEdition(content, source, sha512);
            }
        }
        catch (Exception e) when (e is InvalidDataException or PackagingException or System.Xml.XmlException)
        {
            throw new EditionException([new EditionProblem(EditionErrorCodes.NotAnEdition, $"{Path.GetFileName(path)} is not a readable package: {e.Message}")], e);
        }
    }

    private static EditionException Fail(string code, string message) => new([new EditionProblem(code, message)]);
}

/// <summary>An edition package fetched and read.</summary>
internal sealed record FetchedEdition(EditionContent Content, string Source, string Sha512);
