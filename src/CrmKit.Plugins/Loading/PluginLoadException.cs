using CrmKit.Sdk.Errors;
using CrmKit.Sdk.Localization;

namespace CrmKit.Plugins.Loading;

/// <summary>
/// A plugin whose code cannot be loaded: its entry assembly is missing, corrupt, built for another CrmKit.Sdk major, its
/// files are incomplete, or it has no single module class matching its manifest. <see cref="CrmException.Code"/> is one
/// of <see cref="PluginErrorCodes.AssemblyMissing"/>, <see cref="PluginErrorCodes.AssemblyCorrupt"/>,
/// <see cref="PluginErrorCodes.SdkIncompatible"/>, <see cref="PluginErrorCodes.FilesMissing"/>,
/// <see cref="PluginErrorCodes.EntryPointMissing"/>, <see cref="PluginErrorCodes.EntryPointAmbiguous"/>,
/// <see cref="PluginErrorCodes.IdMismatch"/> or <see cref="PluginErrorCodes.LoadFailed"/>.
/// </summary>
public sealed class PluginLoadException : CrmException
{
    /// <summary>Creates an exception.</summary>
    /// <param name="code">A code from <see cref="PluginErrorCodes"/>.</param>
    /// <param name="message">The precise English description of the problem.</param>
    /// <param name="pluginId">The id of the plugin that failed to load.</param>
    /// <param name="pluginFolder">The plugin folder.</param>
    /// <param name="innerException">The cause, if any.</param>
    public PluginLoadException(string code, string message, string pluginId, string pluginFolder, Exception? innerException = null)
        : base(CrmErrorKind.Unavailable, code, LocalizedText.Of(message), [new CrmError(code, string.Empty, LocalizedText.Of(message))], innerException)
    {
        PluginId = pluginId ?? string.Empty;
        PluginFolder = pluginFolder ?? string.Empty;
    }

    /// <summary>The id of the plugin that failed to load.</summary>
    public string PluginId { get; }

    /// <summary>The plugin folder.</summary>
    public string PluginFolder { get; }
}
