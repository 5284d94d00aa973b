namespace CrmKit.Core.Plugins;

/// <summary>What the host reports about one plugin: identity, state, why, and what it registered.</summary>
public sealed class PluginStatus
{
    /// <summary>The plugin id.</summary>
    public required string Id { get; init; }

    /// <summary>The plugin version (SemVer).</summary>
    public required string Version { get; init; }

    /// <summary>The name shown to people.</summary>
    public required string DisplayName { get; init; }

    /// <summary>What the plugin does; empty when not set.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The plugin's state.</summary>
    public required PluginState State { get; init; }

    /// <summary>A stable code for why the plugin is Failed, Blocked or Disabled; null when loaded.</summary>
    public string? ReasonCode { get; init; }

    /// <summary>A human-readable reason matching <see cref="ReasonCode"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Where the plugin came from: <c>code</c> for a plugin the host added in code, else its folder.</summary>
    public required string Source { get; init; }

    /// <summary>The supported CrmKit.Sdk version range.</summary>
    public string SdkRange { get; init; } = string.Empty;

    /// <summary>The plugins it depends on, as <c>id range</c>.</summary>
    public IReadOnlyList<string> Dependencies { get; init; } = [];

    /// <summary>What it registered while loaded, as <c>kind:name</c> (see <c>ExtensionKinds</c>); empty otherwise.</summary>
    public IReadOnlyList<string> Registered { get; init; } = [];

    /// <summary>When the state last changed.</summary>
    public DateTimeOffset ChangedAt { get; init; }
}
