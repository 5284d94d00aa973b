using CrmKit.Plugins.Manifest;
using CrmKit.Sdk.Extensibility;

namespace CrmKit.Plugins;

/// <summary>A plugin the host adds in code.</summary>
/// <param name="Module">The plugin's module.</param>
/// <param name="Manifest">Its manifest.</param>
public sealed record InCodePlugin(ICrmModule Module, PluginManifest Manifest);
