using System.Text.Json.Nodes;

namespace CrmKit.Core.Settings;

/// <summary>A module's saved values (secrets included) at one version. Never mutated; handed out only as clones.</summary>
/// <param name="Values">The stored values.</param>
/// <param name="Version">The stored version; 0 when never saved.</param>
internal sealed record SettingsSnapshot(JsonObject Values, long Version);
