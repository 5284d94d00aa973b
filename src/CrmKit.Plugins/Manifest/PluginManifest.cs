using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace CrmKit.Plugins.Manifest;

/// <summary>
/// What a plugin says about itself: identity, version, the CrmKit.Sdk versions it supports, the plugins it depends on
/// and the names it registers. Read from <c>crmkit-plugin.json</c> by <see cref="PluginManifestReader"/> without
/// loading the plugin's code, or built in code by a host that adds plugins itself.
/// </summary>
public sealed partial class PluginManifest
{
    private readonly string? _displayName;
    private readonly string _description = string.Empty;
    private readonly IReadOnlyList<PluginDependency> _dependencies = [];
    private readonly IReadOnlyList<string> _provides = [];
    private readonly IReadOnlyList<string> _replaces = [];
    private readonly IReadOnlyList<string> _decorates = [];
    private readonly string? _entryAssembly;

    /// <summary>Creates a manifest.</summary>
    /// <param name="id">The plugin id: lower-case dotted, such as <c>acme.loyalty</c> (see <see cref="IsValidId"/>).</param>
    /// <param name="version">The plugin version (SemVer 2.0).</param>
    /// <param name="sdkRange">The versions of CrmKit.Sdk the plugin supports, such as <c>[1.0, 2.0)</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not a valid plugin id.</exception>
    public PluginManifest(string id, NuGetVersion version, VersionRange sdkRange)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(sdkRange);
        if (!IsValidId(id))
        {
            throw new ArgumentException(PluginMessages.InvalidId(id), nameof(id));
        }

        Id = id;
        Version = version;
        SdkRange = sdkRange;
    }

    /// <summary>The plugin id: lower-case dotted, unique among the plugins of a host.</summary>
    public string Id { get; }

    /// <summary>The plugin version (SemVer 2.0).</summary>
    public NuGetVersion Version { get; }

    /// <summary>The versions of CrmKit.Sdk the plugin supports; a host outside this range does not load it.</summary>
    public VersionRange SdkRange { get; }

    /// <summary>The name shown to people; <see cref="Id"/> when not set.</summary>
    public string DisplayName
    {
        get => _displayName ?? Id;
        init => _displayName = string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>What the plugin does, in one or two sentences; empty when not set.</summary>
    public string Description
    {
        get => _description;
        init => _description = value ?? string.Empty;
    }

    /// <summary>The plugins this plugin needs, by id and version range; never types.</summary>
    /// <exception cref="ArgumentException">An id is listed twice, or the plugin depends on itself.</exception>
    public IReadOnlyList<PluginDependency> Dependencies
    {
        get => _dependencies;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var dependency in value)
            {
                ArgumentNullException.ThrowIfNull(dependency, nameof(value));
                if (dependency.Id == Id || !ids.Add(dependency.Id))
                {
                    throw new ArgumentException(PluginMessages.InvalidDependencyList(Id, dependency.Id), nameof(value));
                }
            }

            _dependencies = [.. value];
        }
    }

    /// <summary>
    /// The names of what the plugin registers, as <c>kind:name</c>: <c>entity:invoice</c>, <c>field-type:ru.inn</c>,
    /// <c>workflow-action:egrul.refresh</c>. Two plugins providing the same name conflict (see <see cref="Replaces"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A name is not <c>kind:name</c> or is listed twice.</exception>
    public IReadOnlyList<string> Provides
    {
        get => _provides;
        init => _provides = ValidateNames(value, nameof(Provides));
    }

    /// <summary>
    /// The provided names this plugin deliberately takes over from another plugin. Each must also be in
    /// <see cref="Provides"/> (the reader enforces this; names not provided are ignored by the planner), and the plugin
    /// must depend on the plugin it replaces; otherwise it is blocked.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not <c>kind:name</c> or is listed twice.</exception>
    public IReadOnlyList<string> Replaces
    {
        get => _replaces;
        init => _replaces = ValidateNames(value, nameof(Replaces));
    }

    /// <summary>
    /// The provided names this plugin wraps: it registers its own implementation around the one a plugin it depends on
    /// provides. The planner treats them exactly like <see cref="Replaces"/>: each must also be in
    /// <see cref="Provides"/>, and the plugin must depend on the plugin that provides the name; otherwise it is blocked.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not <c>kind:name</c> or is listed twice.</exception>
    public IReadOnlyList<string> Decorates
    {
        get => _decorates;
        init => _decorates = ValidateNames(value, nameof(Decorates));
    }

    /// <summary>
    /// The file name of the plugin's entry assembly in its folder, such as <c>Acme.Loyalty.dll</c>; <see langword="null"/>
    /// when not set, in which case loaders use <c>&lt;folder name&gt;.dll</c>. A plain file name ending in <c>.dll</c>,
    /// without directory separators (see <see cref="IsValidEntryAssembly"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a plain <c>.dll</c> file name.</exception>
    public string? EntryAssembly
    {
        get => _entryAssembly;
        init => _entryAssembly = value is null || IsValidEntryAssembly(value)
            ? value
            : throw new ArgumentException(PluginMessages.InvalidEntryAssembly(value), nameof(EntryAssembly));
    }

    /// <summary>
    /// Whether <paramref name="fileName"/> is a valid entry assembly name: a plain file name (no directory separators or
    /// drive colons, no characters invalid in file names) ending in <c>.dll</c> (any case), at most 200 characters.
    /// </summary>
    /// <param name="fileName">The candidate file name.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool IsValidEntryAssembly(string? fileName) =>
        fileName is { Length: > 4 and <= 200 }
        && fileName.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
        && fileName.IndexOfAny(['/', '\\', ':']) < 0
        && fileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && fileName.Trim() == fileName;

    /// <summary>
    /// Whether <paramref name="id"/> is a valid plugin id: one or more dot-separated segments of lower-case ASCII
    /// letters, digits and inner hyphens, each starting with a letter; at most 100 characters (<c>acme.loyalty</c>,
    /// <c>ru.egrul-lookup</c>).
    /// </summary>
    /// <param name="id">The candidate id.</param>
    /// <returns><see langword="true"/> when the id is valid.</returns>
    public static bool IsValidId(string? id) => id is { Length: > 0 and <= 100 } && IdPattern().IsMatch(id);

    /// <summary>
    /// Whether <paramref name="name"/> is a valid provided name: a lower-case kind (letters, digits, hyphens), a colon,
    /// then a name without white space or control characters; at most 200 characters.
    /// </summary>
    /// <param name="name">The candidate name.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool IsValidProvidedName(string? name) =>
        name is { Length: > 0 and <= 200 } && ProvidedNamePattern().IsMatch(name);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Version.ToNormalizedString()}";

    private static string[] ValidateNames(IReadOnlyList<string> value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in value)
        {
            if (!IsValidProvidedName(name) || !seen.Add(name))
            {
                throw new ArgumentException(PluginMessages.InvalidProvidedName(name), paramName);
            }
        }

        return [.. value];
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*:[^\s\p{C}]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ProvidedNamePattern();
}
