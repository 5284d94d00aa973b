using NuGet.Versioning;

namespace CrmKit.Plugins.Planning;

/// <summary>A plugin the plan will not load, and why.</summary>
/// <param name="Id">The plugin id.</param>
/// <param name="Version">The plugin version.</param>
/// <param name="Code">A stable code from <see cref="PluginErrorCodes"/>, such as <c>plugin.dependency_missing</c>.</param>
/// <param name="Reason">A precise English sentence naming what is wrong and with which plugins or versions.</param>
public sealed record BlockedPlugin(string Id, NuGetVersion Version, string Code, string Reason);
