using System.Text.Json.Nodes;

namespace CrmKit.Core.Settings;

/// <summary>A module's saved settings as administrators see them: secrets are only named, never shown.</summary>
public sealed class ModuleSettingsView
{
    /// <summary>The module id.</summary>
    public required string ModuleId { get; init; }

    /// <summary>
    /// The saved values without secrets; properties never saved are absent (their defaults are in <see cref="Schema"/>).
    /// </summary>
    public required JsonObject Values { get; init; }

    /// <summary>The names of the secrets (write-only properties) that have a stored value, in schema order.</summary>
    public required IReadOnlyList<string> SecretsSet { get; init; }

    /// <summary>The version of the saved settings; 0 when they were never saved.</summary>
    public required long Version { get; init; }

    /// <summary>The settings schema.</summary>
    public required JsonObject Schema { get; init; }
}
