using CrmKit.Core.Plugins;
using CrmKit.Core.Plugins.Packages;
using CrmKit.Distribution.Feeds;
using CrmKit.Distribution.Packages;
using CrmKit.Plugins;
using CrmKit.Plugins.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmKit.Distribution;

/// <summary>
/// The NuGet-feed implementation of <see cref="IPluginPackageManager"/>. Plans read the feeds and the lock and change
/// nothing (packages are downloaded into a private temporary folder); applying holds a single-flight lock, extracts into
/// dot-folders of the plugins folder (which the runtime ignores), swaps them in with backups and rescans.
/// </summary>
internal sealed partial class PluginPackageManager : IPluginPackageManager, IDisposable
{
    private readonly SemaphoreSlim _flight = new(1, 1);
    private readonly PluginRuntime _runtime;
    private readonly IPluginManager _plugins;
    private readonly PluginRuntimeOptions _runtimeOptions;
    private readonly PluginPackageOptions _options;
    private readonly IEnumerable<IPluginPackageConstraintSource> _constraintSources;
    private readonly string _downloads = Path.Combine(Path.GetTempPath(), "crmkit-plugin-packages-" + Guid.NewGuid().ToString("N"));

    public PluginPackageManager(
        PluginRuntime runtime, IPluginManager plugins, IOptions<PluginRuntimeOptions> runtimeOptions, IOptions<PluginPackageOptions> options,
        IEnumerable<IPluginPackageConstraintSource> constraintSources, IHostEnvironment? environment = null)
    {
        _runtime = runtime;
        _plugins = plugins;
        _runtimeOptions = runtimeOptions.Value;
        _options = options.Value;
        _constraintSources = constraintSources;
        var root = environment?.ContentRootPath ?? Directory.GetCurrentDirectory();
        LockPath = Path.GetFullPath(_options.LockFile, root);
        Feeds = new PackageFeedClient(Path.GetFullPath(_options.NuGetConfig, root), _options.FeedTimeout);
    }

    /// <summary>The lock file (full path).</summary>
    public string LockPath { get; }

    /// <summary>The feed client over the configured nuget.config.</summary>
    public PackageFeedClient Feeds { get; }

    /// <summary>The runtime's public surface: every rescan and status check goes through it.</summary>
    private IPluginManager Plugins => _plugins;

    private string PluginsFolder => _runtime.Directory
        ?? throw new PluginPackageException([new PluginPackageProblem(PluginPackageErrorCodes.InvalidConfiguration,
            "The plugin runtime has no plugins folder (CrmKit:Plugins:Directory is empty); packages cannot be installed.")]);

    public async Task<IReadOnlyList<PluginPackageInfo>> SearchAsync(string query, bool includePrerelease, CancellationToken cancellationToken)
    {
        var locked = PluginLockFile.Read(LockPath).ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);
        IReadOnlyList<FeedSearchResult> found;
        try
        {
            found = await Feeds.SearchAsync(query ?? string.Empty, PluginPackageContents.PackageType,
                includePrerelease || _options.AllowPrerelease, cancellationToken);
        }
        catch (PackageFeedException e)
        {
            throw new PluginPackageException([FeedProblem(e, null)], e);
        }

        return [.. found.Select(r => new PluginPackageInfo
        {
            Id = r.Id,
            Version = r.Version.ToNormalizedString(),
            Versions = [.. r.Versions.Select(v => v.ToNormalizedString())],
            Title = r.Title,
            Description = r.Description,
            Authors = r.Authors,
            Source = r.Source,
            InstalledVersion = locked.TryGetValue(r.Id, out var installed) ? installed.Version.ToNormalizedString() : null,
        })];
    }

    public Task<IReadOnlyList<InstalledPluginPackage>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<InstalledPluginPackage> list = [.. PluginLockFile.Read(LockPath).OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => p.ToInstalled())];
        return Task.FromResult(list);
    }

    public void Dispose()
    {
        _flight.Dispose();
        try
        {
            if (Directory.Exists(_downloads))
            {
                Directory.Delete(_downloads, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Turns a feed failure into a problem with the matching stable code.</summary>
    internal static PluginPackageProblem FeedProblem(PackageFeedException e, string? packageId) => new(e.Failure switch
    {
        PackageFeedFailure.InvalidConfiguration => PluginPackageErrorCodes.InvalidConfiguration,
        PackageFeedFailure.Unreachable => PluginPackageErrorCodes.FeedUnreachable,
        PackageFeedFailure.Unauthorized => PluginPackageErrorCodes.FeedUnauthorized,
        PackageFeedFailure.NotFound => PluginPackageErrorCodes.NotFound,
        PackageFeedFailure.HashMismatch => PluginPackageErrorCodes.HashMismatch,
        PackageFeedFailure.InvalidPackage => PluginPackageErrorCodes.InvalidPackage,
        _ => PluginPackageErrorCodes.FeedError,
    }, e.Message, packageId);
}
