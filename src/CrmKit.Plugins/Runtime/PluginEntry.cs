using CrmKit.Core.Modules;
using CrmKit.Core.Plugins;
using CrmKit.Plugins.Loading;
using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;

namespace CrmKit.Plugins.Runtime;

/// <summary>The runtime's record of one plugin: where it comes from, its manifest, its state and what is loaded.</summary>
internal sealed class PluginEntry
{
    public PluginEntry(string id, string? folder, ICrmModule? inCodeModule)
    {
        Id = id;
        Folder = folder;
        InCodeModule = inCodeModule;
    }

    /// <summary>The manifest id; the folder name until a manifest is read.</summary>
    public string Id { get; set; }

    /// <summary>The plugin's folder; null for a plugin added in code.</summary>
    public string? Folder { get; }

    public ICrmModule? InCodeModule { get; }

    /// <summary>The manifest; null when the folder's manifest could not be read.</summary>
    public PluginManifest? Manifest { get; set; }

    public PluginState State { get; set; } = PluginState.Blocked;

    public string? ReasonCode { get; set; }

    public string? Reason { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>When the folder's files last changed as the runtime loaded them (to notice a newer build).</summary>
    public DateTime FolderStamp { get; set; }

    public LoadedPluginAssembly? Assembly { get; set; }

    public ModuleActivation? Activation { get; set; }

    public PluginStatus ToStatus() => new()
    {
        Id = Id,
        Version = Manifest?.Version.ToNormalizedString() ?? "",
        DisplayName = Manifest?.DisplayName ?? Id,
        Description = Manifest?.Description ?? "",
        State = State,
        ReasonCode = ReasonCode,
        Reason = Reason,
        Source = Folder ?? "code",
        SdkRange = Manifest?.SdkRange.ToNormalizedString() ?? "",
        Dependencies = Manifest?.Dependencies.Select(d => d.Id + " " + d.VersionRange.ToNormalizedString()).ToList() ?? [],
        Registered = Activation?.Registered ?? [],
        ChangedAt = ChangedAt,
    };
}
